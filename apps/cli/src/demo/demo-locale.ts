/**
 * Word banks of the demo-data generator: names, places, products and short
 * messages in each tenant's language. Surnames are given per gender where
 * the language inflects them (Latvian, Lithuanian).
 */

export type DemoLang = 'lv' | 'sv' | 'lt' | 'et';

export interface Locale {
  lang: DemoLang;
  country: 'LV' | 'SE' | 'LT' | 'EE';
  domain: string;
  /** Mobile prefix (with country code) and the number of digits that follow. */
  mobile: { prefix: string; digits: number };
  female: string[];
  male: string[];
  /** [male, female] surname pairs. */
  surnames: [string, string][];
  cities: string[];
  streets: string[];
  messages: string[];
  surveyQuestions: string[];
  interests: string[];
  companies: string[];
  positions: string[];
}

export const LOCALES: Record<DemoLang, Locale> = {
  lv: {
    lang: 'lv', country: 'LV', domain: 'example.lv', mobile: { prefix: '+3712', digits: 7 },
    female: ['Anna', 'Līga', 'Ilze', 'Inese', 'Kristīne', 'Laura', 'Marta', 'Elīna', 'Zane', 'Dace', 'Sanita', 'Agnese'],
    male: ['Jānis', 'Andris', 'Mārtiņš', 'Edgars', 'Kārlis', 'Roberts', 'Artūrs', 'Raivis', 'Toms', 'Uldis', 'Gatis', 'Ivars'],
    surnames: [
      ['Bērziņš', 'Bērziņa'], ['Kalniņš', 'Kalniņa'], ['Ozols', 'Ozola'], ['Liepiņš', 'Liepiņa'], ['Krūmiņš', 'Krūmiņa'], ['Zariņš', 'Zariņa'],
      ['Vītols', 'Vītola'], ['Jansons', 'Jansone'], ['Ozoliņš', 'Ozoliņa'], ['Pētersons', 'Pētersone'], ['Kļaviņš', 'Kļaviņa'], ['Eglītis', 'Eglīte'],
    ],
    cities: ['Rīga', 'Jūrmala', 'Liepāja', 'Daugavpils', 'Jelgava', 'Valmiera', 'Ventspils', 'Cēsis'],
    streets: ['Brīvības iela', 'Elizabetes iela', 'Krišjāņa Barona iela', 'Tērbatas iela', 'Dzirnavu iela', 'Lāčplēša iela'],
    messages: [
      'Lūdzu, nosūtiet rēķinu uz manu e-pastu.', 'Vēlos pierakstīties uz konsultāciju nākamnedēļ.', 'Paldies par ātro atbildi!',
      'Lūdzu, nomainiet manu tālruņa numuru.', 'Vai procedūru var pārcelt uz piektdienu?', 'Neesmu saņēmusi apstiprinājumu par pierakstu.',
    ],
    surveyQuestions: ['Cik apmierināts esat ar apkalpošanu?', 'Vai ieteiktu mūs draugiem?', 'Kā novērtējat procedūras rezultātu?'],
    interests: ['sejas kopšana', 'lāzerprocedūras', 'ķermeņa kontūrēšana', 'matu noņemšana', 'ādas atjaunošana'],
    companies: ['SIA Baltijas Veselība', 'SIA Rīgas Klīnika', 'SIA Skaistuma Centrs'],
    positions: ['valdes locekle', 'ārsts', 'administratore'],
  },
  sv: {
    lang: 'sv', country: 'SE', domain: 'example.se', mobile: { prefix: '+4670', digits: 7 },
    female: ['Anna', 'Maria', 'Karin', 'Sara', 'Emma', 'Lena', 'Ingrid', 'Elin', 'Sofia', 'Maja', 'Astrid', 'Ebba'],
    male: ['Erik', 'Lars', 'Anders', 'Johan', 'Karl', 'Per', 'Mikael', 'Nils', 'Oskar', 'Gustav', 'Henrik', 'Magnus'],
    surnames: [
      ['Lindqvist', 'Lindqvist'], ['Andersson', 'Andersson'], ['Johansson', 'Johansson'], ['Karlsson', 'Karlsson'], ['Nilsson', 'Nilsson'], ['Eriksson', 'Eriksson'],
      ['Larsson', 'Larsson'], ['Olsson', 'Olsson'], ['Persson', 'Persson'], ['Svensson', 'Svensson'], ['Bergström', 'Bergström'], ['Lindberg', 'Lindberg'],
    ],
    cities: ['Stockholm', 'Göteborg', 'Malmö', 'Uppsala', 'Lund', 'Västerås', 'Örebro', 'Linköping'],
    streets: ['Storgatan', 'Drottninggatan', 'Kungsgatan', 'Vasagatan', 'Sveavägen', 'Östra Hamngatan'],
    messages: [
      'Kan ni skicka fakturan via e-post?', 'Jag vill boka en demonstration av den nya modellen.', 'Tack för snabbt svar!',
      'Vänligen uppdatera vår leveransadress.', 'Apparaten behöver service före årsskiftet.', 'När kommer reservdelarna?',
    ],
    surveyQuestions: ['Hur nöjd är du med servicen?', 'Skulle du rekommendera oss?', 'Hur upplevde du demonstrationen?'],
    interests: ['ultraljud', 'ortopedi', 'rehabilitering', 'service och reparation', 'utbildning'],
    companies: ['Region Stockholm', 'Ortopedkliniken i Lund AB', 'Fysio Väst AB', 'Sjukhuset i Västerås'],
    positions: ['inköpare', 'sjukgymnast', 'överläkare', 'klinikchef'],
  },
  lt: {
    lang: 'lt', country: 'LT', domain: 'example.lt', mobile: { prefix: '+3706', digits: 7 },
    female: ['Rūta', 'Jurgita', 'Aistė', 'Giedrė', 'Ieva', 'Laura', 'Eglė', 'Vaida', 'Inga', 'Simona', 'Daiva', 'Rasa'],
    male: ['Tomas', 'Mantas', 'Darius', 'Andrius', 'Jonas', 'Paulius', 'Vytautas', 'Mindaugas', 'Lukas', 'Rokas', 'Marius', 'Karolis'],
    surnames: [
      ['Kazlauskas', 'Kazlauskienė'], ['Petrauskas', 'Petrauskienė'], ['Jankauskas', 'Jankauskienė'], ['Stankevičius', 'Stankevičienė'],
      ['Vasiliauskas', 'Vasiliauskienė'], ['Žukauskas', 'Žukauskienė'], ['Butkus', 'Butkienė'], ['Paulauskas', 'Paulauskienė'],
      ['Urbonas', 'Urbonienė'], ['Kavaliauskas', 'Kavaliauskienė'], ['Navickas', 'Navickienė'], ['Ramanauskas', 'Ramanauskienė'],
    ],
    cities: ['Vilnius', 'Kaunas', 'Klaipėda', 'Šiauliai', 'Panevėžys', 'Alytus', 'Marijampolė'],
    streets: ['Gedimino pr.', 'Laisvės al.', 'Vilniaus g.', 'Konstitucijos pr.', 'Savanorių pr.', 'Pylimo g.'],
    messages: [
      'Prašau atsiųsti sąskaitą el. paštu.', 'Norėčiau užsiregistruoti konsultacijai.', 'Ačiū už greitą atsakymą!',
      'Prašau pakeisti mano telefono numerį.', 'Neveikia prisijungimas prie savitarnos.', 'Kada bus atnaujinta licencija?',
    ],
    surveyQuestions: ['Kaip vertinate aptarnavimą?', 'Ar rekomenduotumėte mus kitiems?', 'Kaip vertinate mokymus?'],
    interests: ['verslo valdymo sistemos', 'apskaita', 'mokymai', 'debesų paslaugos', 'ataskaitos'],
    companies: ['UAB Baltijos Prekyba', 'UAB Vilniaus Logistika', 'UAB Kauno Gamyba', 'MB Žalia Giria'],
    positions: ['finansų vadovė', 'buhalterė', 'IT vadovas', 'direktorius'],
  },
  et: {
    lang: 'et', country: 'EE', domain: 'example.ee', mobile: { prefix: '+3725', digits: 7 },
    female: ['Mari', 'Kadri', 'Liis', 'Kristiina', 'Triin', 'Piret', 'Anneli', 'Katrin', 'Helen', 'Maarja', 'Kersti', 'Eve'],
    male: ['Andres', 'Jaan', 'Toomas', 'Margus', 'Rein', 'Priit', 'Tõnu', 'Mart', 'Siim', 'Kristjan', 'Urmas', 'Indrek'],
    surnames: [
      ['Tamm', 'Tamm'], ['Saar', 'Saar'], ['Sepp', 'Sepp'], ['Mägi', 'Mägi'], ['Kask', 'Kask'], ['Kukk', 'Kukk'],
      ['Rebane', 'Rebane'], ['Ilves', 'Ilves'], ['Pärn', 'Pärn'], ['Koppel', 'Koppel'], ['Lepik', 'Lepik'], ['Kuusk', 'Kuusk'],
    ],
    cities: ['Tallinn', 'Tartu', 'Pärnu', 'Narva', 'Viljandi', 'Rakvere', 'Kuressaare'],
    streets: ['Pärnu mnt', 'Narva mnt', 'Tartu mnt', 'Viru tänav', 'Rüütli tänav', 'Kalamaja tänav'],
    messages: [
      'Palun saatke arve e-postiga.', 'Soovin laserseadme hoolduse aja broneerida.', 'Aitäh kiire vastuse eest!',
      'Palun muutke minu telefoninumbrit.', 'Portaali ei saa sisse logida.', 'Kas salvestise saab patsiendiga jagada?',
    ],
    surveyQuestions: ['Kuidas hindate teenindust?', 'Kas soovitaksite meid kolleegidele?', 'Kuidas hindate portaali?'],
    interests: ['laserid', 'koolitused', 'hooldus', 'portaali uuendused', 'uued seadmed'],
    companies: ['OÜ Tallinna Kliinik', 'AS Tartu Meditsiinikeskus', 'OÜ Pärnu Ilukeskus', 'OÜ Kuressaare Tervis'],
    positions: ['juhataja', 'arst', 'administraator', 'õde'],
  },
};

/** Products or services each tenant sells, in its own language. */
export const PRODUCTS: Record<string, Partial<Record<DemoLang, string[]>>> = {
  'medical-management': {
    et: ['Portaali litsents (aasta)', 'Laseri hooldusleping', 'Kasutajakoolitus', 'Salvestiste lisamaht 100 GB'],
    lt: ['Portalo licencija (metinė)', 'Lazerio priežiūros sutartis', 'Naudotojų mokymai', 'Papildoma įrašų talpa 100 GB'],
  },
  'softera-baltic': { lt: ['Dynamics 365 Business Central licencija', 'ERP diegimo projektas', 'Palaikymo valandos (20 val.)', 'Mokymai buhalterijai'] },
  micromedic: { sv: ['Ultraljudsapparat MX-200', 'Serviceavtal (ett år)', 'Reservdelssats', 'Utbildning för personal', 'Reparation av givare'] },
  inomedis: { lv: ['Lāzerepilācija', 'Sejas ādas atjaunošanas kurss', 'Hialuronskābes filleris', 'Dāvanu karte 100 EUR', 'Ķermeņa kontūrēšanas procedūra'] },
};

/** ASCII for e-mail addresses: 'Bērziņa' -> 'berzina', 'Žukauskienė' -> 'zukauskiene'. */
export function asciiFold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss').toLowerCase().replace(/[^a-z0-9]+/g, '');
}
