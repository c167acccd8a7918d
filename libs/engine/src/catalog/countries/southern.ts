import { CountryEntry, assumedAuthority, assumedHolidays, assumedRef, assumedTimeZone } from './country-entry';

/** Cyprus, Greece, Italy, Malta and Portugal (Spain has a file of its own). All assumed. */
export const SOUTHERN_ENTRIES: CountryEntry[] = [
  {
    country: 'CY',
    languages: ['el', 'tr'],
    authorities: [assumedAuthority({
      country: 'CY', name: 'Γραφείο Επιτρόπου Προστασίας Δεδομένων Προσωπικού Χαρακτήρα', nameEn: 'Office of the Commissioner for Personal Data Protection', abbreviation: 'Commissioner',
      address: { street: 'Iasonos 1', postalCode: '1082', city: 'Nicosia', country: 'CY' },
      phone: '+357 22 818 456', email: 'commissioner@dataprotection.gov.cy', web: 'https://www.dataprotection.gov.cy',
    })],
    nationalAct: { name: { en: 'Law providing for the protection of natural persons with regard to the processing of personal data and for the free movement of such data, Law 125(I)/2018' }, ref: [assumedRef('CY-125-2018')] },
    art8Age: { age: 14, ref: [assumedRef('CY-125-2018', 'Art. 8')] },
    timeZone: assumedTimeZone('CY', 'Asia/Nicosia', 'the zone of the capital; Asia/Famagusta is the other zone the database lists for Cyprus'),
    holidays: assumedHolidays('CY', 'el'),
  },
  {
    country: 'GR',
    languages: ['el'],
    authorities: [assumedAuthority({
      country: 'GR', name: 'Αρχή Προστασίας Δεδομένων Προσωπικού Χαρακτήρα', nameEn: 'Hellenic Data Protection Authority', abbreviation: 'HDPA',
      address: { street: 'Kifisias 1-3', postalCode: '115 23', city: 'Athens', country: 'GR' },
      phone: '+30 210 6475600', email: 'contact@dpa.gr', web: 'https://www.dpa.gr',
    })],
    nationalAct: { name: { en: 'Law 4624/2019 on the Hellenic Data Protection Authority and measures implementing Regulation (EU) 2016/679' }, ref: [assumedRef('GR-4624-2019')] },
    art8Age: { age: 15, ref: [assumedRef('GR-4624-2019', 'Art. 21')] },
    timeZone: assumedTimeZone('GR', 'Europe/Athens'),
    holidays: assumedHolidays('GR', 'el'),
  },
  {
    country: 'IT',
    languages: ['it'],
    authorities: [assumedAuthority({
      country: 'IT', name: 'Garante per la protezione dei dati personali', nameEn: 'Italian Data Protection Authority', abbreviation: 'Garante',
      address: { street: 'Piazza Venezia 11', postalCode: '00187', city: 'Roma', country: 'IT' },
      phone: '+39 06 696771', email: 'protocollo@gpdp.it', web: 'https://www.garanteprivacy.it',
    })],
    nationalAct: { name: { en: 'Personal Data Protection Code (Legislative Decree No. 196 of 30 June 2003, as amended by Legislative Decree No. 101 of 10 August 2018)' }, ref: [assumedRef('IT-CODICE')] },
    art8Age: { age: 14, ref: [assumedRef('IT-CODICE', 'Art. 2-quinquies')] },
    timeZone: assumedTimeZone('IT', 'Europe/Rome'),
    holidays: assumedHolidays('IT', 'it'),
  },
  {
    country: 'MT',
    languages: ['mt', 'en'],
    authorities: [assumedAuthority({
      country: 'MT', name: 'Kummissarju għall-Informazzjoni u l-Protezzjoni tad-Data', nameEn: 'Information and Data Protection Commissioner', abbreviation: 'IDPC',
      address: { street: 'Floor 2, Airways House, Triq Il - Kbira', postalCode: 'SLM 1549', city: 'Tas-Sliema', country: 'MT' },
      phone: '+356 2328 7100', email: 'idpc.info@idpc.org.mt', web: 'https://idpc.org.mt',
    })],
    nationalAct: { name: { en: 'Data Protection Act (Cap. 586 of the Laws of Malta)' }, ref: [assumedRef('MT-DPA')] },
    art8Age: { age: 13, ref: [assumedRef('MT-DPA', undefined, 'the age is set by subsidiary legislation under the Act')] },
    timeZone: assumedTimeZone('MT', 'Europe/Malta'),
    holidays: assumedHolidays('MT', 'mt'),
  },
  {
    country: 'PT',
    languages: ['pt'],
    authorities: [assumedAuthority({
      country: 'PT', name: 'Comissão Nacional de Proteção de Dados', nameEn: 'Portuguese Data Protection Authority', abbreviation: 'CNPD',
      address: { street: 'Av. D. Carlos I, 134, 1.º', postalCode: '1200-651', city: 'Lisboa', country: 'PT' },
      phone: '+351 213 928 400', email: 'geral@cnpd.pt', web: 'https://www.cnpd.pt',
    })],
    nationalAct: { name: { en: 'Law No. 58/2019 of 8 August ensuring the implementation of Regulation (EU) 2016/679' }, ref: [assumedRef('PT-LEI-58-2019')] },
    art8Age: { age: 13, ref: [assumedRef('PT-LEI-58-2019', 'Art. 16')] },
    timeZone: assumedTimeZone('PT', 'Europe/Lisbon', 'mainland Portugal and Madeira; the Azores (Atlantic/Azores) are an hour behind'),
    holidays: assumedHolidays('PT', 'pt'),
  },
];
