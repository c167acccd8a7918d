import { AUTHORITIES } from '../authorities';
import { CountryEntry, assumedAuthority, assumedHolidays, assumedRef, assumedTimeZone } from './country-entry';

/** Denmark, Finland, Iceland and Norway (Sweden is a checked country). Assumed, except Norway's authority (checked, from AUTHORITIES). */
export const NORDIC_ENTRIES: CountryEntry[] = [
  {
    country: 'DK',
    languages: ['da'],
    authorities: [assumedAuthority({
      country: 'DK', name: 'Datatilsynet', nameEn: 'Danish Data Protection Agency', abbreviation: 'Datatilsynet',
      address: { street: 'Carl Jacobsens Vej 35', postalCode: '2500', city: 'Valby', country: 'DK' },
      phone: '+45 33 19 32 00', email: 'dt@datatilsynet.dk', web: 'https://www.datatilsynet.dk',
    })],
    nationalAct: { name: { en: 'Danish Data Protection Act (Databeskyttelsesloven, Act No. 502 of 23 May 2018)' }, ref: [assumedRef('DK-DBL')] },
    art8Age: { age: 13, ref: [assumedRef('DK-DBL', '§ 6(2)')] },
    timeZone: assumedTimeZone('DK', 'Europe/Copenhagen', 'the Faroe Islands and Greenland have their own zones but are outside the GDPR'),
    holidays: assumedHolidays('DK', 'da'),
  },
  {
    country: 'FI',
    languages: ['fi', 'sv'],
    authorities: [assumedAuthority({
      country: 'FI', name: 'Tietosuojavaltuutetun toimisto', nameEn: 'Office of the Data Protection Ombudsman', abbreviation: 'Tietosuojavaltuutettu',
      address: { street: 'PL 800', postalCode: '00531', city: 'Helsinki', country: 'FI' },
      phone: '+358 29 566 6700', email: 'tietosuoja@om.fi', web: 'https://tietosuoja.fi',
    })],
    nationalAct: { name: { en: 'Data Protection Act (1050/2018)', sv: 'Dataskyddslag (1050/2018)' }, ref: [assumedRef('FI-TSL')] },
    art8Age: { age: 13, ref: [assumedRef('FI-TSL', '§ 5')] },
    timeZone: assumedTimeZone('FI', 'Europe/Helsinki', 'Åland uses the same zone'),
    holidays: assumedHolidays('FI', 'fi'),
  },
  {
    country: 'IS',
    languages: ['is'],
    authorities: [assumedAuthority({
      country: 'IS', name: 'Persónuvernd', nameEn: 'Icelandic Data Protection Authority', abbreviation: 'Persónuvernd',
      address: { street: 'Rauðarárstígur 10', postalCode: '105', city: 'Reykjavík', country: 'IS' },
      phone: '+354 510 9600', email: 'postur@personuvernd.is', web: 'https://www.personuvernd.is',
    })],
    nationalAct: { name: { en: 'Act on Data Protection and the Processing of Personal Data (No. 90/2018)' }, ref: [assumedRef('IS-PVL')] },
    art8Age: { age: 13, ref: [assumedRef('IS-PVL', 'Art. 10')] },
    timeZone: assumedTimeZone('IS', 'Atlantic/Reykjavik'),
    holidays: assumedHolidays('IS', 'is'),
  },
  {
    country: 'NO',
    languages: ['nb', 'nn'],
    authorities: [AUTHORITIES.NO],
    nationalAct: { name: { en: 'Personal Data Act (Personopplysningsloven, LOV-2018-06-15-38)' }, ref: [assumedRef('NO-POL')] },
    art8Age: { age: 13, ref: [assumedRef('NO-POL', '§ 5')] },
    timeZone: assumedTimeZone('NO', 'Europe/Oslo', 'Svalbard and Jan Mayen use the same offsets'),
    holidays: assumedHolidays('NO', 'no'),
  },
];
