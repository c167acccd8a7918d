import { Text } from '../../schema/text';
import { w5 } from './template-ref';

/** Texts several templates share (en, et, lt, sv, lv). */
export const SHARED_WORDS = {
  location: w5(
    "The controller's own systems and those of its processors in the EEA",
    'Vastutava töötleja enda ja tema volitatud töötlejate süsteemid EMP-s',
    'Duomenų valdytojo ir jo duomenų tvarkytojų sistemos EEE',
    'Den personuppgiftsansvariges egna system och dess personuppgiftsbiträdens system inom EES',
    'Pārziņa un tā apstrādātāju sistēmas EEZ',
  ),
  accessControl: w5(
    'Only the staff who need the data can reach it, each with a personal account.',
    'Andmetele pääsevad ligi ainult töötajad, kes neid vajavad, igaüks isikliku kontoga.',
    'Duomenis gali pasiekti tik jų reikalingi darbuotojai, kiekvienas su asmenine paskyra.',
    'Endast den personal som behöver uppgifterna kommer åt dem, var och en med ett personligt konto.',
    'Datiem var piekļūt tikai darbinieki, kuriem tie vajadzīgi, katrs ar personīgu kontu.',
  ),
  backups: w5(
    'The data is backed up regularly and the backups are protected like the data.',
    'Andmetest tehakse korrapäraselt varukoopiaid, mida kaitstakse nagu andmeid endid.',
    'Duomenų atsarginės kopijos daromos reguliariai ir saugomos kaip patys duomenys.',
    'Uppgifterna säkerhetskopieras regelbundet och kopiorna skyddas som uppgifterna själva.',
    'Datiem regulāri veido rezerves kopijas, kuras aizsargā tāpat kā pašus datus.',
  ),
  dpiaNotRequired: w5(
    'Not likely to result in a high risk (Art. 35(1)); check the supervisory authority\'s list (Art. 35(4)).',
    'Tõenäoliselt ei too kaasa suurt ohtu (art 35 lg 1); kontrollige järelevalveasutuse loetelu (art 35 lg 4).',
    'Tikėtina, kad didelio pavojaus nekelia (35 str. 1 d.); patikrinkite priežiūros institucijos sąrašą (35 str. 4 d.).',
    'Medför sannolikt ingen hög risk (artikel 35.1); kontrollera tillsynsmyndighetens förteckning (artikel 35.4).',
    'Visticamāk, nerada augstu risku (35. panta 1. punkts); pārbaudiet uzraudzības iestādes sarakstu (35. panta 4. punkts).',
  ),
  dataSubject: w5(
    'The person themself',
    'Isik ise',
    'Pats asmuo',
    'Personen själv',
    'Pati persona',
  ),
  contactData: w5('Contact data', 'Kontaktandmed', 'Kontaktiniai duomenys', 'Kontaktuppgifter', 'Kontaktinformācija'),
  contactFields: w5(
    'Name, e-mail address, telephone number',
    'Nimi, e-posti aadress, telefoninumber',
    'Vardas, pavardė, el. pašto adresas, telefono numeris',
    'Namn, e-postadress, telefonnummer',
    'Vārds, uzvārds, e-pasta adrese, tālruņa numurs',
  ),
  taxAuthority: w5('Tax authority', 'Maksuhaldur', 'Mokesčių administratorius', 'Skatteverket eller annan skattemyndighet', 'Nodokļu administrācija'),
  taxAuthorityWhy: w5(
    'Receives the reports the tax laws require.',
    'Saab maksuseadustega nõutud aruanded.',
    'Gauna mokesčių įstatymų reikalaujamas ataskaitas.',
    'Tar emot de uppgifter som skattelagarna kräver.',
    'Saņem nodokļu likumos prasītos pārskatus.',
  ),
  accountingAct: w5(
    'The national accounting act',
    'Riigi raamatupidamise seadus',
    'Nacionalinis buhalterinės apskaitos įstatymas',
    'Den nationella bokföringslagen',
    'Valsts grāmatvedības likums',
  ),
  labourAndTaxLaws: w5(
    'The national labour, tax and social insurance laws',
    'Riigi töö-, maksu- ja sotsiaalkindlustusseadused',
    'Nacionaliniai darbo, mokesčių ir socialinio draudimo įstatymai',
    'De nationella arbetsrättsliga, skatterättsliga och socialförsäkringsrättsliga lagarna',
    'Valsts darba, nodokļu un sociālās apdrošināšanas likumi',
  ),
} satisfies Record<string, Text>;
