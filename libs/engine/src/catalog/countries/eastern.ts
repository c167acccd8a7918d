import { CountryEntry, assumedAuthority, assumedHolidays, assumedRef, assumedTimeZone, gdprDefaultAge } from './country-entry';

/** Bulgaria, Croatia, Czechia, Hungary, Poland, Romania, Slovakia and Slovenia. All assumed. */
export const EASTERN_ENTRIES: CountryEntry[] = [
  {
    country: 'BG',
    languages: ['bg'],
    authorities: [assumedAuthority({
      country: 'BG', name: 'Комисия за защита на личните данни', nameEn: 'Commission for Personal Data Protection', abbreviation: 'CPDP',
      address: { street: '2 Prof. Tsvetan Lazarov Blvd.', postalCode: '1592', city: 'Sofia', country: 'BG' },
      email: 'kzld@cpdp.bg', web: 'https://www.cpdp.bg',
    })],
    nationalAct: { name: { en: 'Personal Data Protection Act' }, ref: [assumedRef('BG-ZZLD')] },
    art8Age: { age: 14, ref: [assumedRef('BG-ZZLD', 'Art. 25c')] },
    timeZone: assumedTimeZone('BG', 'Europe/Sofia'),
    holidays: assumedHolidays('BG', 'bg'),
  },
  {
    country: 'CZ',
    languages: ['cs'],
    authorities: [assumedAuthority({
      country: 'CZ', name: 'Úřad pro ochranu osobních údajů', nameEn: 'Office for Personal Data Protection', abbreviation: 'ÚOOÚ',
      address: { street: 'Pplk. Sochora 27', postalCode: '170 00', city: 'Praha 7', country: 'CZ' },
      phone: '+420 234 665 111', email: 'posta@uoou.gov.cz', web: 'https://uoou.gov.cz',
    })],
    nationalAct: { name: { en: 'Act No. 110/2019 Coll. on the processing of personal data' }, ref: [assumedRef('CZ-ZZOU')] },
    art8Age: { age: 15, ref: [assumedRef('CZ-ZZOU', '§ 7')] },
    timeZone: assumedTimeZone('CZ', 'Europe/Prague'),
    // date-holidays names the Czech language 'cz'
    holidays: assumedHolidays('CZ', 'cz'),
  },
  {
    country: 'HR',
    languages: ['hr'],
    authorities: [assumedAuthority({
      country: 'HR', name: 'Agencija za zaštitu osobnih podataka', nameEn: 'Croatian Personal Data Protection Agency', abbreviation: 'AZOP',
      address: { street: 'Selska cesta 136', postalCode: '10000', city: 'Zagreb', country: 'HR' },
      phone: '+385 1 4609 000', email: 'azop@azop.hr', web: 'https://azop.hr',
    })],
    nationalAct: { name: { en: 'Act on the Implementation of the General Data Protection Regulation (Official Gazette 42/2018)' }, ref: [assumedRef('HR-ZPOUZOP')] },
    art8Age: { age: 16, ref: [assumedRef('HR-ZPOUZOP', 'Art. 19')] },
    timeZone: assumedTimeZone('HR', 'Europe/Zagreb'),
    holidays: assumedHolidays('HR', 'hr'),
  },
  {
    country: 'HU',
    languages: ['hu'],
    authorities: [assumedAuthority({
      country: 'HU', name: 'Nemzeti Adatvédelmi és Információszabadság Hatóság', nameEn: 'Hungarian National Authority for Data Protection and Freedom of Information', abbreviation: 'NAIH',
      address: { street: 'Falk Miksa utca 9-11', postalCode: '1055', city: 'Budapest', country: 'HU' },
      phone: '+36 1 391 1400', email: 'ugyfelszolgalat@naih.hu', web: 'https://naih.hu',
    })],
    nationalAct: { name: { en: 'Act CXII of 2011 on the Right of Informational Self-Determination and on Freedom of Information (Infotv.)' }, ref: [assumedRef('HU-INFOTV')] },
    art8Age: gdprDefaultAge(),
    timeZone: assumedTimeZone('HU', 'Europe/Budapest'),
    holidays: assumedHolidays('HU', 'hu'),
  },
  {
    country: 'PL',
    languages: ['pl'],
    authorities: [assumedAuthority({
      country: 'PL', name: 'Prezes Urzędu Ochrony Danych Osobowych', nameEn: 'President of the Personal Data Protection Office', abbreviation: 'UODO',
      address: { street: 'ul. Stawki 2', postalCode: '00-193', city: 'Warszawa', country: 'PL' },
      phone: '+48 22 531 03 00', email: 'kancelaria@uodo.gov.pl', web: 'https://uodo.gov.pl',
    })],
    nationalAct: { name: { en: 'Act of 10 May 2018 on the Protection of Personal Data' }, ref: [assumedRef('PL-UODO-2018')] },
    art8Age: gdprDefaultAge(),
    timeZone: assumedTimeZone('PL', 'Europe/Warsaw'),
    holidays: assumedHolidays('PL', 'pl'),
  },
  {
    country: 'RO',
    languages: ['ro'],
    authorities: [assumedAuthority({
      country: 'RO', name: 'Autoritatea Națională de Supraveghere a Prelucrării Datelor cu Caracter Personal', nameEn: 'National Supervisory Authority for Personal Data Processing', abbreviation: 'ANSPDCP',
      address: { street: 'B-dul G-ral. Gheorghe Magheru 28-30, Sector 1', postalCode: '010336', city: 'București', country: 'RO' },
      email: 'anspdcp@dataprotection.ro', web: 'https://www.dataprotection.ro',
    })],
    nationalAct: { name: { en: 'Law No. 190/2018 on measures implementing Regulation (EU) 2016/679' }, ref: [assumedRef('RO-LEGEA-190-2018')] },
    art8Age: gdprDefaultAge(),
    timeZone: assumedTimeZone('RO', 'Europe/Bucharest'),
    holidays: assumedHolidays('RO', 'ro'),
  },
  {
    country: 'SI',
    languages: ['sl'],
    authorities: [assumedAuthority({
      country: 'SI', name: 'Informacijski pooblaščenec', nameEn: 'Information Commissioner of the Republic of Slovenia', abbreviation: 'IP',
      address: { street: 'Dunajska cesta 22', postalCode: '1000', city: 'Ljubljana', country: 'SI' },
      phone: '+386 1 230 97 30', email: 'gp.ip@ip-rs.si', web: 'https://www.ip-rs.si',
    })],
    nationalAct: { name: { en: 'Personal Data Protection Act (ZVOP-2, Official Gazette 163/2022)' }, ref: [assumedRef('SI-ZVOP-2')] },
    art8Age: { age: 15, ref: [assumedRef('SI-ZVOP-2', 'Art. 8')] },
    timeZone: assumedTimeZone('SI', 'Europe/Ljubljana'),
    holidays: assumedHolidays('SI', 'sl'),
  },
  {
    country: 'SK',
    languages: ['sk'],
    authorities: [assumedAuthority({
      country: 'SK', name: 'Úrad na ochranu osobných údajov Slovenskej republiky', nameEn: 'Office for Personal Data Protection of the Slovak Republic', abbreviation: 'ÚOOÚ SR',
      address: { street: 'Hraničná 12', postalCode: '820 07', city: 'Bratislava 27', country: 'SK' },
      email: 'statutar@pdp.gov.sk', web: 'https://dataprotection.gov.sk',
    })],
    nationalAct: { name: { en: 'Act No. 18/2018 Coll. on Personal Data Protection' }, ref: [assumedRef('SK-ZOOU')] },
    art8Age: gdprDefaultAge(),
    timeZone: assumedTimeZone('SK', 'Europe/Bratislava'),
    holidays: assumedHolidays('SK', 'sk'),
  },
];
