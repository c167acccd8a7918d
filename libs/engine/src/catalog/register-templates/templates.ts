import { Art6Basis, LegalBasis } from '../../schema/legal-basis';
import { Cookie, DataSubjectKind, Recipient, SourceKind } from '../../schema/register';
import { AnchorEvent, Duration } from '../../schema/retention';
import { Text } from '../../schema/text';
import { SHARED_WORDS as S } from './template-words';
import { templateRef, w5 } from './template-ref';

/** The common processing activities a register can be created from (issue 17 §2). */
export const REGISTER_TEMPLATE_KEYS = [
  'customer-contracts', 'accounting', 'newsletter', 'website-analytics',
  'video-surveillance', 'job-applicants', 'staff-payroll', 'supplier-contacts',
] as const;
export type RegisterTemplateKey = (typeof REGISTER_TEMPLATE_KEYS)[number];

/** What a template states; `templates/build.ts` turns it into a register, every value assumed. */
export interface TemplateSpec {
  name: Text;
  businessFunction: Text;
  description: Text;
  purpose: { name: Text; description: Text; directMarketing?: boolean };
  bases: { article: Art6Basis; at: string; description: Text; legitimateInterest?: Text; law?: Text }[];
  subject: { kind: DataSubjectKind; name: Text };
  categories: { id: string; name: Text; fields: Text; required: boolean }[];
  source: { kind: SourceKind; description: Text };
  recipients?: { id: string; kind: Recipient['kind']; name: Text; description: Text; dpa?: boolean }[];
  /** The retention rule: a period from an anchor (`accounting` is national: see build.ts). */
  retention: { description: Text; anchor: AnchorEvent; period: Duration; check: string } | { description: Text; condition: Text; endsAt: AnchorEvent; then: Duration; check: string };
  cookies?: Omit<Cookie, 'ref'>[];
  dpia?: { required: boolean; status: 'not-required' | 'planned'; reason: Text };
}

const consentBasis = (why: Text) => ({ article: '6(1)(a)' as const, at: 'Art. 6(1)(a)', description: why });

export const TEMPLATE_SPECS: Record<RegisterTemplateKey, TemplateSpec> = {
  'customer-contracts': {
    name: w5('Customer contracts', 'Kliendilepingud', 'Sutartys su klientais', 'Kundavtal', 'Līgumi ar klientiem'),
    businessFunction: w5('Sales and customer service', 'Müük ja klienditeenindus', 'Pardavimai ir klientų aptarnavimas', 'Försäljning och kundtjänst', 'Pārdošana un klientu apkalpošana'),
    description: w5(
      'Concluding and performing contracts with customers: orders, deliveries, invoices, customer service.',
      'Klientidega lepingute sõlmimine ja täitmine: tellimused, tarned, arved, klienditeenindus.',
      'Sutarčių su klientais sudarymas ir vykdymas: užsakymai, pristatymai, sąskaitos, klientų aptarnavimas.',
      'Att ingå och fullgöra avtal med kunder: beställningar, leveranser, fakturor, kundtjänst.',
      'Līgumu slēgšana un izpilde ar klientiem: pasūtījumi, piegādes, rēķini, klientu apkalpošana.',
    ),
    purpose: {
      name: w5('Performing the customer contract', 'Kliendilepingu täitmine', 'Sutarties su klientu vykdymas', 'Att fullgöra kundavtalet', 'Līguma ar klientu izpilde'),
      description: w5('Taking orders, delivering, invoicing and answering questions.', 'Tellimuste vastuvõtmine, tarnimine, arveldamine ja küsimustele vastamine.', 'Užsakymų priėmimas, pristatymas, sąskaitų išrašymas ir atsakymai į klausimus.', 'Att ta emot beställningar, leverera, fakturera och svara på frågor.', 'Pasūtījumu pieņemšana, piegāde, rēķinu izrakstīšana un atbildes uz jautājumiem.'),
    },
    bases: [{ article: '6(1)(b)', at: 'Art. 6(1)(b)', description: w5('The data is needed to perform the contract with the customer.', 'Andmed on vajalikud kliendiga sõlmitud lepingu täitmiseks.', 'Duomenys reikalingi sutarčiai su klientu vykdyti.', 'Uppgifterna behövs för att fullgöra avtalet med kunden.', 'Dati ir nepieciešami līguma ar klientu izpildei.') }],
    subject: { kind: 'client', name: w5('Customers', 'Kliendid', 'Klientai', 'Kunder', 'Klienti') },
    categories: [
      { id: 'contact', name: S.contactData, fields: S.contactFields, required: true },
      { id: 'orders', name: w5('Order data', 'Tellimuse andmed', 'Užsakymo duomenys', 'Beställningsuppgifter', 'Pasūtījuma dati'), fields: w5('Products ordered, delivery address, invoices, payments', 'Tellitud tooted, tarneaadress, arved, maksed', 'Užsakytos prekės, pristatymo adresas, sąskaitos, mokėjimai', 'Beställda produkter, leveransadress, fakturor, betalningar', 'Pasūtītās preces, piegādes adrese, rēķini, maksājumi'), required: true },
    ],
    source: { kind: 'data-subject', description: S.dataSubject },
    retention: {
      description: w5('Kept until the claims under the contract are time-barred.', 'Säilitatakse, kuni lepingust tulenevad nõuded aeguvad.', 'Saugoma, kol suėjo reikalavimų pagal sutartį senaties terminas.', 'Sparas tills anspråken enligt avtalet har preskriberats.', 'Glabā, līdz iestājas prasījumu noilgums pēc līguma.'),
      anchor: 'contract-ended', period: { years: 10 },
      check: 'the limitation period for contract claims is set by national civil law (e.g. LT Civil Code Art. 1.125, LV Civil Law Art. 1895, SE Preskriptionslag 2 §): check it for your country',
    },
  },
  accounting: {
    name: w5('Accounting', 'Raamatupidamine', 'Buhalterinė apskaita', 'Bokföring', 'Grāmatvedība'),
    businessFunction: w5('Finance', 'Finantsid', 'Finansai', 'Ekonomi', 'Finanses'),
    description: w5(
      'Keeping the accounting records and source documents the accounting act requires.',
      'Raamatupidamise seadusega nõutud raamatupidamiskirjete ja algdokumentide pidamine.',
      'Buhalterinės apskaitos įstatymo reikalaujamų apskaitos įrašų ir pirminių dokumentų tvarkymas.',
      'Att föra den bokföring och spara de verifikationer som bokföringslagen kräver.',
      'Grāmatvedības likumā prasīto grāmatvedības ierakstu un attaisnojuma dokumentu kārtošana.',
    ),
    purpose: {
      name: w5('Keeping the accounts', 'Raamatupidamise pidamine', 'Buhalterinės apskaitos tvarkymas', 'Att föra bokföringen', 'Grāmatvedības kārtošana'),
      description: w5('Recording transactions and keeping the source documents.', 'Tehingute kirjendamine ja algdokumentide säilitamine.', 'Ūkinių operacijų registravimas ir pirminių dokumentų saugojimas.', 'Att bokföra affärshändelser och spara verifikationerna.', 'Saimniecisko darījumu uzskaite un attaisnojuma dokumentu glabāšana.'),
    },
    bases: [{ article: '6(1)(c)', at: 'Art. 6(1)(c)', description: w5('The accounting act obliges the controller to keep these records.', 'Raamatupidamise seadus kohustab vastutavat töötlejat neid andmeid säilitama.', 'Buhalterinės apskaitos įstatymas įpareigoja valdytoją saugoti šiuos įrašus.', 'Bokföringslagen ålägger den personuppgiftsansvarige att spara uppgifterna.', 'Grāmatvedības likums uzliek pārzinim pienākumu glabāt šos ierakstus.'), law: S.accountingAct }],
    subject: { kind: 'contact-person', name: w5('Customers and suppliers named in accounting documents', 'Raamatupidamisdokumentides nimetatud kliendid ja tarnijad', 'Apskaitos dokumentuose nurodyti klientai ir tiekėjai', 'Kunder och leverantörer som nämns i verifikationer', 'Grāmatvedības dokumentos minētie klienti un piegādātāji') },
    categories: [{ id: 'accounting-records', name: w5('Accounting records', 'Raamatupidamise andmed', 'Apskaitos duomenys', 'Räkenskapsinformation', 'Grāmatvedības dati'), fields: w5('Name, invoices, payments, bank details', 'Nimi, arved, maksed, pangaandmed', 'Vardas, pavardė, sąskaitos, mokėjimai, banko rekvizitai', 'Namn, fakturor, betalningar, bankuppgifter', 'Vārds, uzvārds, rēķini, maksājumi, bankas rekvizīti'), required: true }],
    source: { kind: 'data-subject', description: S.dataSubject },
    recipients: [{ id: 'tax-authority', kind: 'authority', name: S.taxAuthority, description: S.taxAuthorityWhy }],
    retention: {
      description: w5('Kept for the period the national accounting act sets.', 'Säilitatakse riigi raamatupidamise seadusega sätestatud aja.', 'Saugoma nacionalinio buhalterinės apskaitos įstatymo nustatytą laiką.', 'Sparas den tid som den nationella bokföringslagen anger.', 'Glabā valsts grāmatvedības likumā noteikto laiku.'),
      anchor: 'financial-year-end', period: { years: 10 },
      check: 'accounting retention is set by each country\'s accounting act: check the period and where it runs from',
    },
  },
  newsletter: {
    name: w5('Newsletter', 'Uudiskiri', 'Naujienlaiškis', 'Nyhetsbrev', 'Jaunumu vēstule'),
    businessFunction: w5('Marketing', 'Turundus', 'Rinkodara', 'Marknadsföring', 'Mārketings'),
    description: w5('Sending the newsletter to people who subscribed to it.', 'Uudiskirja saatmine selle tellinud inimestele.', 'Naujienlaiškio siuntimas jį užsiprenumeravusiems asmenims.', 'Att skicka nyhetsbrevet till dem som har prenumererat på det.', 'Jaunumu vēstules sūtīšana personām, kas to abonējušas.'),
    purpose: {
      name: w5('Sending the newsletter', 'Uudiskirja saatmine', 'Naujienlaiškio siuntimas', 'Att skicka nyhetsbrevet', 'Jaunumu vēstules sūtīšana'),
      description: w5('News and offers by e-mail to subscribers.', 'Uudised ja pakkumised e-postiga tellijatele.', 'Naujienos ir pasiūlymai el. paštu prenumeratoriams.', 'Nyheter och erbjudanden via e-post till prenumeranter.', 'Jaunumi un piedāvājumi pa e-pastu abonentiem.'),
      directMarketing: true,
    },
    bases: [consentBasis(w5('The subscriber consents when subscribing and may withdraw at any time.', 'Tellija annab tellimisel nõusoleku ja võib selle igal ajal tagasi võtta.', 'Prenumeratorius sutikimą duoda užsiprenumeruodamas ir gali jį bet kada atšaukti.', 'Prenumeranten samtycker vid prenumerationen och kan när som helst återkalla samtycket.', 'Abonents dod piekrišanu, abonējot, un var to jebkurā laikā atsaukt.'))],
    subject: { kind: 'newsletter-subscriber', name: w5('Newsletter subscribers', 'Uudiskirja tellijad', 'Naujienlaiškio prenumeratoriai', 'Prenumeranter på nyhetsbrevet', 'Jaunumu vēstules abonenti') },
    categories: [{ id: 'email', name: w5('E-mail address', 'E-posti aadress', 'El. pašto adresas', 'E-postadress', 'E-pasta adrese'), fields: w5('E-mail address, date of consent', 'E-posti aadress, nõusoleku kuupäev', 'El. pašto adresas, sutikimo data', 'E-postadress, datum för samtycket', 'E-pasta adrese, piekrišanas datums'), required: true }],
    source: { kind: 'data-subject', description: S.dataSubject },
    recipients: [{ id: 'email-service', kind: 'processor', name: w5('E-mail service provider', 'E-posti teenuse pakkuja', 'El. pašto paslaugų teikėjas', 'Leverantör av e-posttjänst', 'E-pasta pakalpojuma sniedzējs'), description: w5('Sends the newsletter on the controller\'s behalf.', 'Saadab uudiskirja vastutava töötleja nimel.', 'Siunčia naujienlaiškį valdytojo vardu.', 'Skickar nyhetsbrevet för den personuppgiftsansvariges räkning.', 'Sūta jaunumu vēstuli pārziņa vārdā.'), dpa: true }],
    retention: {
      description: w5('Kept while the subscription lasts.', 'Säilitatakse tellimuse kehtimise ajal.', 'Saugoma, kol galioja prenumerata.', 'Sparas så länge prenumerationen gäller.', 'Glabā, kamēr ir spēkā abonements.'),
      condition: w5('the subscriber has not withdrawn consent', 'tellija ei ole nõusolekut tagasi võtnud', 'prenumeratorius neatšaukė sutikimo', 'prenumeranten har inte återkallat sitt samtycke', 'abonents nav atsaucis piekrišanu'),
      endsAt: 'consent-withdrawn', then: { days: 30 },
      check: 'the 30 days after a withdrawal are a default: shorten or lengthen them',
    },
  },
  'website-analytics': {
    name: w5('Website analytics', 'Veebisaidi analüütika', 'Svetainės analitika', 'Webbanalys', 'Tīmekļa vietnes analītika'),
    businessFunction: w5('Marketing', 'Turundus', 'Rinkodara', 'Marknadsföring', 'Mārketings'),
    description: w5('Measuring how visitors use the website, with their consent.', 'Veebisaidi kasutamise mõõtmine külastajate nõusolekul.', 'Svetainės lankytojų elgsenos matavimas jų sutikimu.', 'Att mäta hur besökare använder webbplatsen, med deras samtycke.', 'Tīmekļa vietnes lietojuma mērīšana ar apmeklētāju piekrišanu.'),
    purpose: {
      name: w5('Improving the website', 'Veebisaidi parandamine', 'Svetainės tobulinimas', 'Att förbättra webbplatsen', 'Tīmekļa vietnes uzlabošana'),
      description: w5('Statistics of visits and pages viewed.', 'Külastuste ja vaadatud lehtede statistika.', 'Apsilankymų ir peržiūrėtų puslapių statistika.', 'Statistik över besök och visade sidor.', 'Apmeklējumu un skatīto lapu statistika.'),
    },
    bases: [consentBasis(w5('The visitor consents in the cookie banner and may withdraw at any time.', 'Külastaja annab nõusoleku küpsiste ribal ja võib selle igal ajal tagasi võtta.', 'Lankytojas sutikimą duoda slapukų juostoje ir gali jį bet kada atšaukti.', 'Besökaren samtycker i kakbannern och kan när som helst återkalla samtycket.', 'Apmeklētājs dod piekrišanu sīkdatņu joslā un var to jebkurā laikā atsaukt.'))],
    subject: { kind: 'website-visitor', name: w5('Website visitors', 'Veebisaidi külastajad', 'Svetainės lankytojai', 'Besökare på webbplatsen', 'Tīmekļa vietnes apmeklētāji') },
    categories: [{ id: 'usage', name: w5('Usage data', 'Kasutusandmed', 'Naudojimosi duomenys', 'Användningsdata', 'Lietojuma dati'), fields: w5('Pages viewed, device and browser, shortened IP address', 'Vaadatud lehed, seade ja brauser, lühendatud IP-aadress', 'Peržiūrėti puslapiai, įrenginys ir naršyklė, sutrumpintas IP adresas', 'Visade sidor, enhet och webbläsare, förkortad IP-adress', 'Skatītās lapas, ierīce un pārlūks, saīsināta IP adrese'), required: false }],
    source: { kind: 'browser-or-device', description: w5("The visitor's browser", 'Külastaja brauser', 'Lankytojo naršyklė', 'Besökarens webbläsare', 'Apmeklētāja pārlūks') },
    recipients: [{ id: 'analytics-provider', kind: 'processor', name: w5('Analytics provider', 'Analüütikateenuse pakkuja', 'Analitikos paslaugų teikėjas', 'Leverantör av analystjänst', 'Analītikas pakalpojuma sniedzējs'), description: w5('Counts the visits on the controller\'s behalf.', 'Loendab külastusi vastutava töötleja nimel.', 'Skaičiuoja apsilankymus valdytojo vardu.', 'Räknar besöken för den personuppgiftsansvariges räkning.', 'Skaita apmeklējumus pārziņa vārdā.'), dpa: true }],
    retention: {
      description: w5('Kept for 14 months after collection.', 'Säilitatakse 14 kuud pärast kogumist.', 'Saugoma 14 mėnesių nuo surinkimo.', 'Sparas i 14 månader efter insamlingen.', 'Glabā 14 mēnešus pēc savākšanas.'),
      anchor: 'collected', period: { months: 14 },
      check: '14 months is a common setting of analytics tools: set what your tool keeps',
    },
    cookies: [{
      name: 'analytics', label: w5('Analytics cookies', 'Analüütikaküpsised', 'Analitikos slapukai', 'Analyskakor', 'Analītikas sīkdatnes'),
      provider: 'analytics-provider', providerLabel: w5('The analytics provider', 'Analüütikateenuse pakkuja', 'Analitikos paslaugų teikėjas', 'Leverantören av analystjänsten', 'Analītikas pakalpojuma sniedzējs'),
      firstParty: false, category: 'statistics', purpose: w5('Count visits and pages viewed', 'Loendavad külastusi ja vaadatud lehti', 'Skaičiuoja apsilankymus ir peržiūrėtus puslapius', 'Räknar besök och visade sidor', 'Skaita apmeklējumus un skatītās lapas'),
      expiry: { years: 1 }, basis: 'consent',
    }],
  },
  'video-surveillance': {
    name: w5('Video surveillance', 'Videovalve', 'Vaizdo stebėjimas', 'Kamerabevakning', 'Videonovērošana'),
    businessFunction: w5('Security', 'Turvalisus', 'Apsauga', 'Säkerhet', 'Drošība'),
    description: w5('Cameras at the premises to protect people and property.', 'Kaamerad ruumides inimeste ja vara kaitseks.', 'Vaizdo kameros patalpose žmonėms ir turtui apsaugoti.', 'Kameror i lokalerna för att skydda människor och egendom.', 'Kameras telpās cilvēku un īpašuma aizsardzībai.'),
    purpose: {
      name: w5('Safety of people and property', 'Inimeste ja vara turvalisus', 'Žmonių ir turto saugumas', 'Säkerhet för människor och egendom', 'Cilvēku un īpašuma drošība'),
      description: w5('Preventing and investigating incidents at the premises.', 'Intsidentide ennetamine ja uurimine ruumides.', 'Incidentų patalpose prevencija ir tyrimas.', 'Att förebygga och utreda incidenter i lokalerna.', 'Incidentu novēršana un izmeklēšana telpās.'),
    },
    bases: [{
      article: '6(1)(f)', at: 'Art. 6(1)(f)',
      description: w5('The controller\'s legitimate interest in safety outweighs the visitors\' interests, the cameras being signposted.', 'Vastutava töötleja õigustatud huvi turvalisuse vastu kaalub üles külastajate huvid; kaamerad on tähistatud.', 'Teisėtas valdytojo interesas užtikrinti saugumą viršija lankytojų interesus; kameros pažymėtos.', 'Den personuppgiftsansvariges berättigade intresse av säkerhet väger tyngre än besökarnas intressen; kamerorna är skyltade.', 'Pārziņa leģitīmās intereses drošības jomā ir svarīgākas par apmeklētāju interesēm; kameras ir apzīmētas.'),
      legitimateInterest: w5('Protecting people and property at the premises', 'Inimeste ja vara kaitse ruumides', 'Žmonių ir turto apsauga patalpose', 'Att skydda människor och egendom i lokalerna', 'Cilvēku un īpašuma aizsardzība telpās'),
    }],
    subject: { kind: 'office-visitor', name: w5('Visitors and staff at the premises', 'Külastajad ja töötajad ruumides', 'Lankytojai ir darbuotojai patalpose', 'Besökare och personal i lokalerna', 'Apmeklētāji un darbinieki telpās') },
    categories: [{ id: 'recordings', name: w5('Video recordings', 'Videosalvestised', 'Vaizdo įrašai', 'Videoinspelningar', 'Videoieraksti'), fields: w5('Images of people, date and time', 'Inimeste kujutis, kuupäev ja kellaaeg', 'Žmonių atvaizdai, data ir laikas', 'Bilder av personer, datum och tid', 'Cilvēku attēli, datums un laiks'), required: false }],
    source: { kind: 'internal-system', description: w5('The cameras', 'Kaamerad', 'Vaizdo kameros', 'Kamerorna', 'Kameras') },
    retention: {
      description: w5('Recordings are overwritten after 30 days unless an incident is being investigated.', 'Salvestised kirjutatakse 30 päeva pärast üle, kui intsidenti ei uurita.', 'Įrašai perrašomi po 30 dienų, nebent tiriamas incidentas.', 'Inspelningarna skrivs över efter 30 dagar om ingen incident utreds.', 'Ieraksti tiek pārrakstīti pēc 30 dienām, ja netiek izmeklēts incidents.'),
      anchor: 'recorded', period: { days: 30 },
      check: 'supervisory authorities often expect days rather than weeks (EDPB Guidelines 3/2019, section 8): keep as short as your purpose allows',
    },
    dpia: {
      required: false, status: 'not-required',
      reason: w5(
        'A few cameras at the controller\'s own premises; a DPIA is needed for systematic monitoring of a publicly accessible area on a large scale (Art. 35(3)(c)).',
        'Mõni kaamera vastutava töötleja enda ruumides; mõjuhinnang on vajalik avaliku ala ulatusliku süstemaatilise jälgimise korral (art 35 lg 3 p c).',
        'Kelios kameros valdytojo patalpose; poveikio vertinimas būtinas sistemingai stebint viešą vietą dideliu mastu (35 str. 3 d. c p.).',
        'Några kameror i den personuppgiftsansvariges egna lokaler; en konsekvensbedömning krävs vid systematisk övervakning av en allmän plats i stor omfattning (artikel 35.3 c).',
        'Dažas kameras pārziņa telpās; ietekmes novērtējums vajadzīgs, ja sistemātiski plašā mērogā uzrauga publiski pieejamu zonu (35. panta 3. punkta c) apakšpunkts).',
      ),
    },
  },
  'job-applicants': {
    name: w5('Job applicants', 'Tööle kandideerijad', 'Kandidatai į darbą', 'Arbetssökande', 'Darba kandidāti'),
    businessFunction: w5('Human resources', 'Personalitöö', 'Personalo valdymas', 'Personal', 'Personāla vadība'),
    description: w5('Choosing among the people who apply for a job.', 'Tööle kandideerijate seast valimine.', 'Kandidatų į darbo vietą atranka.', 'Att välja bland dem som söker en tjänst.', 'Darbinieku atlase no kandidātiem.'),
    purpose: {
      name: w5('Recruitment', 'Värbamine', 'Darbuotojų atranka', 'Rekrytering', 'Personāla atlase'),
      description: w5('Assessing applications and inviting candidates to interviews.', 'Avalduste hindamine ja kandidaatide intervjuule kutsumine.', 'Paraiškų vertinimas ir kandidatų kvietimas į pokalbius.', 'Att bedöma ansökningar och kalla kandidater till intervju.', 'Pieteikumu izvērtēšana un kandidātu aicināšana uz pārrunām.'),
    },
    bases: [{ article: '6(1)(b)', at: 'Art. 6(1)(b)', description: w5('Steps taken at the applicant\'s request before entering into an employment contract.', 'Kandideerija taotlusel enne töölepingu sõlmimist astutavad sammud.', 'Kandidato prašymu prieš sudarant darbo sutartį atliekami veiksmai.', 'Åtgärder på den sökandes begäran innan ett anställningsavtal ingås.', 'Darbības, ko veic pēc kandidāta lūguma pirms darba līguma noslēgšanas.') }],
    subject: { kind: 'other', name: w5('Job applicants', 'Tööle kandideerijad', 'Kandidatai į darbą', 'Arbetssökande', 'Darba kandidāti') },
    categories: [{ id: 'application', name: w5('Application data', 'Kandideerimise andmed', 'Paraiškos duomenys', 'Ansökningsuppgifter', 'Pieteikuma dati'), fields: w5('CV, cover letter, contact data, interview notes', 'CV, motivatsioonikiri, kontaktandmed, intervjuu märkmed', 'Gyvenimo aprašymas, motyvacinis laiškas, kontaktai, pokalbio pastabos', 'CV, personligt brev, kontaktuppgifter, anteckningar från intervjun', 'CV, motivācijas vēstule, kontaktinformācija, pārrunu piezīmes'), required: true }],
    source: { kind: 'data-subject', description: S.dataSubject },
    retention: {
      description: w5('Kept for 6 months after the application, so that the choice can be explained.', 'Säilitatakse 6 kuud pärast kandideerimist, et valikut saaks põhjendada.', 'Saugoma 6 mėnesius po paraiškos, kad būtų galima paaiškinti atranką.', 'Sparas i 6 månader efter ansökan så att urvalet kan förklaras.', 'Glabā 6 mēnešus pēc pieteikuma, lai varētu pamatot izvēli.'),
      anchor: 'collected', period: { months: 6 },
      check: 'the period for challenging a recruitment decision is set by national equal-treatment law: check it',
    },
  },
  'staff-payroll': {
    name: w5('Staff and payroll', 'Töötajad ja palgaarvestus', 'Darbuotojai ir darbo užmokestis', 'Personal och lön', 'Darbinieki un algas'),
    businessFunction: w5('Human resources', 'Personalitöö', 'Personalo valdymas', 'Personal', 'Personāla vadība'),
    description: w5('Employing staff: contracts, working time, pay, taxes and social insurance.', 'Töötajate töölevõtmine: lepingud, tööaeg, palk, maksud ja sotsiaalkindlustus.', 'Darbuotojų įdarbinimas: sutartys, darbo laikas, darbo užmokestis, mokesčiai ir socialinis draudimas.', 'Att anställa personal: avtal, arbetstid, lön, skatter och socialförsäkring.', 'Darbinieku nodarbināšana: līgumi, darba laiks, alga, nodokļi un sociālā apdrošināšana.'),
    purpose: {
      name: w5('Employment and pay', 'Töösuhe ja palk', 'Darbo santykiai ir darbo užmokestis', 'Anställning och lön', 'Darba attiecības un alga'),
      description: w5('Performing employment contracts and paying salaries, taxes and contributions.', 'Töölepingute täitmine ning palkade, maksude ja maksete tasumine.', 'Darbo sutarčių vykdymas, darbo užmokesčio, mokesčių ir įmokų mokėjimas.', 'Att fullgöra anställningsavtal och betala löner, skatter och avgifter.', 'Darba līgumu izpilde, algu, nodokļu un iemaksu samaksa.'),
    },
    bases: [
      { article: '6(1)(b)', at: 'Art. 6(1)(b)', description: w5('The data is needed to perform the employment contract.', 'Andmed on vajalikud töölepingu täitmiseks.', 'Duomenys reikalingi darbo sutarčiai vykdyti.', 'Uppgifterna behövs för att fullgöra anställningsavtalet.', 'Dati ir nepieciešami darba līguma izpildei.') },
      { article: '6(1)(c)', at: 'Art. 6(1)(c)', description: w5('Labour, tax and social insurance laws oblige the employer to keep and report this data.', 'Töö-, maksu- ja sotsiaalkindlustusseadused kohustavad tööandjat neid andmeid säilitama ja esitama.', 'Darbo, mokesčių ir socialinio draudimo įstatymai įpareigoja darbdavį saugoti ir teikti šiuos duomenis.', 'Arbetsrättslig, skatterättslig och socialförsäkringsrättslig lagstiftning ålägger arbetsgivaren att spara och rapportera uppgifterna.', 'Darba, nodokļu un sociālās apdrošināšanas likumi uzliek darba devējam pienākumu glabāt un sniegt šos datus.'), law: S.labourAndTaxLaws },
    ],
    subject: { kind: 'other', name: w5('Employees', 'Töötajad', 'Darbuotojai', 'Anställda', 'Darbinieki') },
    categories: [
      { id: 'employee', name: w5('Employee data', 'Töötaja andmed', 'Darbuotojo duomenys', 'Uppgifter om den anställde', 'Darbinieka dati'), fields: w5('Name, personal code, address, contract, working time', 'Nimi, isikukood, aadress, leping, tööaeg', 'Vardas, pavardė, asmens kodas, adresas, sutartis, darbo laikas', 'Namn, personnummer, adress, avtal, arbetstid', 'Vārds, uzvārds, personas kods, adrese, līgums, darba laiks'), required: true },
      { id: 'pay', name: w5('Pay data', 'Palgaandmed', 'Darbo užmokesčio duomenys', 'Löneuppgifter', 'Algas dati'), fields: w5('Salary, bank account, taxes, contributions', 'Palk, pangakonto, maksud, maksed', 'Darbo užmokestis, banko sąskaita, mokesčiai, įmokos', 'Lön, bankkonto, skatter, avgifter', 'Alga, bankas konts, nodokļi, iemaksas'), required: true },
    ],
    source: { kind: 'data-subject', description: S.dataSubject },
    recipients: [{ id: 'tax-authority', kind: 'authority', name: S.taxAuthority, description: S.taxAuthorityWhy }],
    retention: {
      description: w5('Kept for 10 years after the employment ended.', 'Säilitatakse 10 aastat pärast töösuhte lõppu.', 'Saugoma 10 metų pasibaigus darbo santykiams.', 'Sparas i 10 år efter anställningens slut.', 'Glabā 10 gadus pēc darba attiecību beigām.'),
      anchor: 'contract-ended', period: { years: 10 },
      check: 'payroll and employment records have periods set by national labour, tax, pension and archives law: check each',
    },
  },
  'supplier-contacts': {
    name: w5('Supplier contacts', 'Tarnijate kontaktisikud', 'Tiekėjų kontaktiniai asmenys', 'Kontaktpersoner hos leverantörer', 'Piegādātāju kontaktpersonas'),
    businessFunction: w5('Purchasing', 'Hanked', 'Pirkimai', 'Inköp', 'Iepirkumi'),
    description: w5('Dealing with the contact persons of suppliers and partners.', 'Tarnijate ja partnerite kontaktisikutega suhtlemine.', 'Bendravimas su tiekėjų ir partnerių kontaktiniais asmenimis.', 'Kontakter med leverantörers och samarbetspartners kontaktpersoner.', 'Saziņa ar piegādātāju un partneru kontaktpersonām.'),
    purpose: {
      name: w5('Managing supplier relationships', 'Tarnijasuhete haldamine', 'Santykių su tiekėjais valdymas', 'Att sköta leverantörsrelationer', 'Attiecību ar piegādātājiem pārvaldība'),
      description: w5('Ordering, agreeing and communicating with suppliers.', 'Tellimine, kokkulepete sõlmimine ja tarnijatega suhtlemine.', 'Užsakymai, susitarimai ir bendravimas su tiekėjais.', 'Att beställa, avtala och kommunicera med leverantörer.', 'Pasūtīšana, vienošanās un saziņa ar piegādātājiem.'),
    },
    bases: [{
      article: '6(1)(f)', at: 'Art. 6(1)(f)',
      description: w5('The contact person acts for the supplier; the controller has a legitimate interest in reaching them.', 'Kontaktisik tegutseb tarnija nimel; vastutaval töötlejal on õigustatud huvi temaga suhelda.', 'Kontaktinis asmuo veikia tiekėjo vardu; valdytojas turi teisėtą interesą su juo susisiekti.', 'Kontaktpersonen företräder leverantören; den personuppgiftsansvarige har ett berättigat intresse av att nå hen.', 'Kontaktpersona rīkojas piegādātāja vārdā; pārzinim ir leģitīmas intereses ar to sazināties.'),
      legitimateInterest: w5('Running the business with its suppliers', 'Äri ajamine oma tarnijatega', 'Verslo su tiekėjais vykdymas', 'Att bedriva verksamheten med sina leverantörer', 'Uzņēmējdarbība ar piegādātājiem'),
    }],
    subject: { kind: 'contact-person', name: w5('Contact persons of suppliers', 'Tarnijate kontaktisikud', 'Tiekėjų kontaktiniai asmenys', 'Kontaktpersoner hos leverantörer', 'Piegādātāju kontaktpersonas') },
    categories: [{ id: 'contact', name: S.contactData, fields: w5('Name, position, work e-mail and telephone', 'Nimi, ametikoht, töö e-post ja telefon', 'Vardas, pavardė, pareigos, darbo el. paštas ir telefonas', 'Namn, befattning, e-post och telefon i tjänsten', 'Vārds, uzvārds, amats, darba e-pasts un tālrunis'), required: true }],
    source: { kind: 'partner', description: w5('The supplier', 'Tarnija', 'Tiekėjas', 'Leverantören', 'Piegādātājs') },
    retention: {
      description: w5('Kept for 3 years after the last dealings with the supplier.', 'Säilitatakse 3 aastat pärast viimast suhtlust tarnijaga.', 'Saugoma 3 metus po paskutinių santykių su tiekėju.', 'Sparas i 3 år efter den senaste kontakten med leverantören.', 'Glabā 3 gadus pēc pēdējās saziņas ar piegādātāju.'),
      anchor: 'last-activity', period: { years: 3 },
      check: '3 years is a default: keep contact data no longer than the relationship needs',
    },
  },
};

/** The Art. 6(1) basis of a template's spec, with its assumed ref; (c) and (f) with what the linter needs of them. */
export function templateBasis(b: TemplateSpec['bases'][number], check: string): LegalBasis {
  const ref = [templateRef(b.at, check)];
  return {
    article: b.article,
    description: b.description,
    ...(b.legitimateInterest ? { legitimateInterest: b.legitimateInterest } : {}),
    ...(b.law ? { legalObligation: { law: b.law, ref } } : {}),
    ref,
  };
}

