import type { Lang } from '@regula/engine';

/**
 * The words of a register description, per language: the eight numbered
 * headings of the source document 001 layout (name of register; legal basis
 * and purpose; data processed; sources; disclosures and transfers; protection
 * and storage; rights; contact) and the labels inside them. Data texts come
 * from the registers; these are only the frame. Recipient kinds and transfer
 * safeguards are in words from the engine's catalogue (`codeWord`).
 */
export interface DescriptionLabels {
  title: string;
  headings: [string, string, string, string, string, string, string, string];
  controller: string;
  registryCode: string;
  businessFunction: string;
  purposes: string;
  legitimateInterest: string;
  legalObligation: string;
  subjects: string;
  categories: string;
  special: string;
  requiredNote: string;
  noRecipients: string;
  noTransfers: string;
  transfers: string;
  security: string;
  retention: string;
  location: string;
  complaint: string;
  dpo: string;
  noDpo: string;
  email: string;
  phone: string;
  web: string;
  address: string;
  asOf: string;
  version: string;
  pageOf: string;
  noSafeguard: string;
}

export const DESCRIPTION_LABELS: Record<Lang, DescriptionLabels> = {
  en: {
    title: 'Register description',
    headings: ['Name of the register', 'Legal basis and purpose of the processing', 'Personal data processed', 'Where the data comes from', 'Disclosures and transfers of data', 'How the data is protected and how long it is kept', 'Rights of the data subject', 'Contact'],
    controller: 'Controller', registryCode: 'Registry code', businessFunction: 'Business function', purposes: 'Purposes',
    legitimateInterest: 'Legitimate interest', legalObligation: 'Legal obligation', subjects: 'Data subjects', categories: 'Categories of personal data',
    special: 'special category of personal data (GDPR Art. 9)',
    requiredNote: 'Providing the data marked with * is a prerequisite for the contract or customer relationship; without it the service cannot be provided.',
    noRecipients: 'The data is not disclosed to recipients.', noTransfers: 'The data is not transferred outside the European Economic Area.', transfers: 'Transfers outside the European Economic Area',
    security: 'Security measures', retention: 'Retention', location: 'Where the data is kept',
    complaint: 'You may lodge a complaint with the supervisory authority', dpo: 'Data protection officer', noDpo: 'No data protection officer has been designated.',
    email: 'e-mail', phone: 'phone', web: 'web', address: 'address', asOf: 'As of', version: 'register version', pageOf: 'page {x} of {y}',
    noSafeguard: 'no safeguard stated',
  },
  et: {
    title: 'Registri kirjeldus',
    headings: ['Registri nimi', 'Isikuandmete töötlemise õiguslik alus ja eesmärk', 'Töödeldavad isikuandmed', 'Kust andmed pärinevad', 'Andmete edastamine ja üleandmine', 'Kuidas andmeid kaitstakse ja kui kaua neid säilitatakse', 'Andmesubjekti õigused', 'Kontakt'],
    controller: 'Vastutav töötleja', registryCode: 'Registrikood', businessFunction: 'Valdkond', purposes: 'Eesmärgid',
    legitimateInterest: 'Õigustatud huvi', legalObligation: 'Juriidiline kohustus', subjects: 'Andmesubjektid', categories: 'Isikuandmete liigid',
    special: 'isikuandmete eriliik (IKÜM art 9)',
    requiredNote: 'Tärniga (*) märgitud andmete esitamine on lepingu- või kliendisuhte eeltingimus; ilma nendeta ei saa teenust osutada.',
    noRecipients: 'Andmeid ei avaldata vastuvõtjatele.', noTransfers: 'Andmeid ei edastata väljapoole Euroopa Majanduspiirkonda.', transfers: 'Edastamine väljapoole Euroopa Majanduspiirkonda',
    security: 'Turvameetmed', retention: 'Säilitamine', location: 'Kus andmeid hoitakse',
    complaint: 'Teil on õigus esitada kaebus järelevalveasutusele', dpo: 'Andmekaitseametnik', noDpo: 'Andmekaitseametnikku ei ole määratud.',
    email: 'e-post', phone: 'telefon', web: 'veeb', address: 'aadress', asOf: 'Seisuga', version: 'registri versioon', pageOf: 'lehekülg {x} / {y}',
    noSafeguard: 'kaitsemeedet ei ole märgitud',
  },
  lt: {
    title: 'Registro aprašas',
    headings: ['Registro pavadinimas', 'Asmens duomenų tvarkymo teisinis pagrindas ir tikslas', 'Tvarkomi asmens duomenys', 'Iš kur gaunami duomenys', 'Duomenų atskleidimas ir perdavimas', 'Kaip duomenys saugomi ir kiek laiko jie laikomi', 'Duomenų subjekto teisės', 'Kontaktai'],
    controller: 'Duomenų valdytojas', registryCode: 'Juridinio asmens kodas', businessFunction: 'Veiklos sritis', purposes: 'Tikslai',
    legitimateInterest: 'Teisėtas interesas', legalObligation: 'Teisinė prievolė', subjects: 'Duomenų subjektai', categories: 'Asmens duomenų kategorijos',
    special: 'specialių kategorijų asmens duomenys (BDAR 9 straipsnis)',
    requiredNote: 'Žvaigždute (*) pažymėtų duomenų pateikimas yra būtina sutarties ar kliento santykių sąlyga; be jų paslaugos suteikti negalime.',
    noRecipients: 'Duomenys gavėjams neatskleidžiami.', noTransfers: 'Duomenys neperduodami už Europos ekonominės erdvės ribų.', transfers: 'Perdavimas už Europos ekonominės erdvės ribų',
    security: 'Saugumo priemonės', retention: 'Saugojimas', location: 'Kur saugomi duomenys',
    complaint: 'Galite pateikti skundą priežiūros institucijai', dpo: 'Duomenų apsaugos pareigūnas', noDpo: 'Duomenų apsaugos pareigūnas nepaskirtas.',
    email: 'el. paštas', phone: 'telefonas', web: 'interneto svetainė', address: 'adresas', asOf: 'Būklė', version: 'registro versija', pageOf: 'puslapis {x} iš {y}',
    noSafeguard: 'apsaugos priemonė nenurodyta',
  },
  sv: {
    title: 'Registerbeskrivning',
    headings: ['Registrets namn', 'Rättslig grund och ändamål för behandlingen', 'Personuppgifter som behandlas', 'Varifrån uppgifterna kommer', 'Utlämnande och överföring av uppgifter', 'Hur uppgifterna skyddas och hur länge de sparas', 'Den registrerades rättigheter', 'Kontakt'],
    controller: 'Personuppgiftsansvarig', registryCode: 'Organisationsnummer', businessFunction: 'Verksamhetsområde', purposes: 'Ändamål',
    legitimateInterest: 'Berättigat intresse', legalObligation: 'Rättslig förpliktelse', subjects: 'Registrerade', categories: 'Kategorier av personuppgifter',
    special: 'särskild kategori av personuppgifter (dataskyddsförordningen art. 9)',
    requiredNote: 'Uppgifter markerade med * krävs för avtalet eller kundrelationen; utan dem kan tjänsten inte tillhandahållas.',
    noRecipients: 'Uppgifterna lämnas inte ut till mottagare.', noTransfers: 'Uppgifterna överförs inte utanför Europeiska ekonomiska samarbetsområdet.', transfers: 'Överföringar utanför Europeiska ekonomiska samarbetsområdet',
    security: 'Säkerhetsåtgärder', retention: 'Lagringstid (gallring)', location: 'Var uppgifterna lagras',
    complaint: 'Du kan lämna klagomål till tillsynsmyndigheten', dpo: 'Dataskyddsombud', noDpo: 'Inget dataskyddsombud har utsetts.',
    email: 'e-post', phone: 'telefon', web: 'webb', address: 'adress', asOf: 'Per', version: 'registerversion', pageOf: 'sida {x} av {y}',
    noSafeguard: 'ingen skyddsåtgärd angiven',
  },
  lv: {
    title: 'Reģistra apraksts',
    headings: ['Reģistra nosaukums', 'Personas datu apstrādes tiesiskais pamats un mērķis', 'Apstrādātie personas dati', 'No kurienes dati tiek iegūti', 'Datu izpaušana un nosūtīšana', 'Kā dati tiek aizsargāti un cik ilgi tie tiek glabāti', 'Datu subjekta tiesības', 'Kontaktinformācija'],
    controller: 'Pārzinis', registryCode: 'Reģistrācijas numurs', businessFunction: 'Darbības joma', purposes: 'Mērķi',
    legitimateInterest: 'Leģitīmās intereses', legalObligation: 'Juridisks pienākums', subjects: 'Datu subjekti', categories: 'Personas datu kategorijas',
    special: 'īpašu kategoriju personas dati (VDAR 9. pants)',
    requiredNote: 'Ar zvaigznīti (*) atzīmēto datu sniegšana ir līguma vai klienta attiecību priekšnoteikums; bez tiem pakalpojumu sniegt nav iespējams.',
    noRecipients: 'Dati netiek izpausti saņēmējiem.', noTransfers: 'Dati netiek nosūtīti ārpus Eiropas Ekonomikas zonas.', transfers: 'Nosūtīšana ārpus Eiropas Ekonomikas zonas',
    security: 'Drošības pasākumi', retention: 'Glabāšana', location: 'Kur dati tiek glabāti',
    complaint: 'Jūs varat iesniegt sūdzību uzraudzības iestādei', dpo: 'Datu aizsardzības speciālists', noDpo: 'Datu aizsardzības speciālists nav iecelts.',
    email: 'e-pasts', phone: 'tālrunis', web: 'tīmekļa vietne', address: 'adrese', asOf: 'Stāvoklis uz', version: 'reģistra versija', pageOf: '{x}. lapa no {y}',
    noSafeguard: 'aizsardzības pasākums nav norādīts',
  },
};
