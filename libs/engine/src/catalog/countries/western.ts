import { CountryEntry, assumedAuthority, assumedHolidays, assumedRef, assumedTimeZone, gdprDefaultAge } from './country-entry';

/** Austria, Belgium, France, Ireland, Liechtenstein, Luxembourg and the Netherlands. All assumed. */
export const WESTERN_ENTRIES: CountryEntry[] = [
  {
    country: 'AT',
    languages: ['de'],
    authorities: [assumedAuthority({
      country: 'AT', name: 'Österreichische Datenschutzbehörde', nameEn: 'Austrian Data Protection Authority', abbreviation: 'DSB',
      address: { street: 'Barichgasse 40-42', postalCode: '1030', city: 'Wien', country: 'AT' },
      phone: '+43 1 52 152-0', email: 'dsb@dsb.gv.at', web: 'https://www.dsb.gv.at',
    })],
    nationalAct: { name: { en: 'Data Protection Act (Datenschutzgesetz, DSG)' }, ref: [assumedRef('AT-DSG')] },
    art8Age: { age: 14, ref: [assumedRef('AT-DSG', '§ 4(4)')] },
    timeZone: assumedTimeZone('AT', 'Europe/Vienna'),
    holidays: assumedHolidays('AT', 'de-at'),
  },
  {
    country: 'BE',
    languages: ['nl', 'fr', 'de'],
    authorities: [assumedAuthority({
      country: 'BE', name: 'Gegevensbeschermingsautoriteit / Autorité de protection des données', nameEn: 'Belgian Data Protection Authority', abbreviation: 'GBA/APD',
      address: { street: 'Drukpersstraat 35 / Rue de la Presse 35', postalCode: '1000', city: 'Brussel / Bruxelles', country: 'BE' },
      phone: '+32 2 274 48 00', email: 'contact@apd-gba.be', web: 'https://www.gegevensbeschermingsautoriteit.be',
    })],
    nationalAct: { name: { en: 'Act of 30 July 2018 on the protection of natural persons with regard to the processing of personal data' }, ref: [assumedRef('BE-WVP')] },
    art8Age: { age: 13, ref: [assumedRef('BE-WVP', 'Art. 7')] },
    timeZone: assumedTimeZone('BE', 'Europe/Brussels'),
    holidays: assumedHolidays('BE', 'nl'),
  },
  {
    country: 'FR',
    languages: ['fr'],
    // The CNIL takes messages through the forms on its site: no e-mail address.
    authorities: [assumedAuthority({
      country: 'FR', name: 'Commission nationale de l\'informatique et des libertés', nameEn: 'French Data Protection Authority', abbreviation: 'CNIL',
      address: { street: '3 place de Fontenoy, TSA 80715', postalCode: '75334', city: 'Paris Cedex 07', country: 'FR' },
      phone: '+33 1 53 73 22 22', web: 'https://www.cnil.fr',
    })],
    nationalAct: { name: { en: 'Act No. 78-17 of 6 January 1978 on information technology, data files and civil liberties (Loi Informatique et Libertés)' }, ref: [assumedRef('FR-LIL')] },
    art8Age: { age: 15, ref: [assumedRef('FR-LIL', 'Art. 45')] },
    timeZone: assumedTimeZone('FR', 'Europe/Paris', 'metropolitan France; the overseas departments and regions have zones of their own'),
    holidays: assumedHolidays('FR', 'fr'),
  },
  {
    country: 'IE',
    languages: ['en', 'ga'],
    authorities: [assumedAuthority({
      country: 'IE', name: 'An Coimisiún um Chosaint Sonraí', nameEn: 'Data Protection Commission', abbreviation: 'DPC',
      address: { street: '21 Fitzwilliam Square South', postalCode: 'D02 RD28', city: 'Dublin 2', country: 'IE' },
      web: 'https://www.dataprotection.ie',
    })],
    nationalAct: { name: { en: 'Data Protection Act 2018 (No. 7 of 2018)' }, ref: [assumedRef('IE-DPA')] },
    art8Age: { age: 16, ref: [assumedRef('IE-DPA', 's. 31')] },
    timeZone: assumedTimeZone('IE', 'Europe/Dublin'),
    holidays: assumedHolidays('IE', 'en'),
  },
  {
    country: 'LI',
    languages: ['de'],
    authorities: [assumedAuthority({
      country: 'LI', name: 'Datenschutzstelle', nameEn: 'Data Protection Authority of Liechtenstein', abbreviation: 'DSS',
      address: { street: 'Städtle 38', postalCode: '9490', city: 'Vaduz', country: 'LI' },
      phone: '+423 236 60 90', email: 'info.dss@llv.li', web: 'https://www.datenschutzstelle.li',
    })],
    nationalAct: { name: { en: 'Data Protection Act (Datenschutzgesetz, DSG) of 4 October 2018' }, ref: [assumedRef('LI-DSG')] },
    art8Age: gdprDefaultAge(),
    timeZone: assumedTimeZone('LI', 'Europe/Vaduz'),
    holidays: assumedHolidays('LI', 'de'),
  },
  {
    country: 'LU',
    languages: ['lb', 'fr', 'de'],
    authorities: [assumedAuthority({
      country: 'LU', name: 'Commission nationale pour la protection des données', nameEn: 'National Commission for Data Protection', abbreviation: 'CNPD',
      address: { street: '15, boulevard du Jazz', postalCode: 'L-4370', city: 'Belvaux', country: 'LU' },
      web: 'https://cnpd.public.lu',
    })],
    nationalAct: { name: { en: 'Act of 1 August 2018 on the organisation of the National Commission for Data Protection and the general data protection framework' }, ref: [assumedRef('LU-LOI-2018')] },
    art8Age: gdprDefaultAge(),
    timeZone: assumedTimeZone('LU', 'Europe/Luxembourg'),
    holidays: assumedHolidays('LU', 'fr'),
  },
  {
    country: 'NL',
    languages: ['nl'],
    // The AP takes messages through the forms on its site: no e-mail address.
    authorities: [assumedAuthority({
      country: 'NL', name: 'Autoriteit Persoonsgegevens', nameEn: 'Dutch Data Protection Authority', abbreviation: 'AP',
      address: { street: 'Postbus 93374', postalCode: '2509 AJ', city: 'Den Haag', country: 'NL' },
      web: 'https://www.autoriteitpersoonsgegevens.nl',
    })],
    nationalAct: { name: { en: 'GDPR Implementation Act (Uitvoeringswet Algemene verordening gegevensbescherming, UAVG)' }, ref: [assumedRef('NL-UAVG')] },
    art8Age: { age: 16, ref: [assumedRef('NL-UAVG', 'Art. 5')] },
    timeZone: assumedTimeZone('NL', 'Europe/Amsterdam', 'the European Netherlands; the Caribbean Netherlands are outside the GDPR'),
    holidays: assumedHolidays('NL', 'nl'),
  },
];
