import { Authority } from '../schema/jurisdiction';

const NOTES = [{ source: 'LEGAL-NOTES', at: 'Supervisory authorities' }];

/** The countries whose authority's details were checked (see LEGAL-NOTES). */
export type CheckedAuthorityCountry = 'EE' | 'LT' | 'LV' | 'SE' | 'NO';

/**
 * Supervisory authorities (GDPR Art. 51) of the checked countries, contact
 * details as published by each. The country catalogue (`countries/`) reuses
 * these entries and holds the other EU/EEA authorities.
 */
export const AUTHORITIES: Record<CheckedAuthorityCountry, Authority> = {
  EE: {
    country: 'EE',
    name: 'Andmekaitse Inspektsioon',
    nameEn: 'Estonian Data Protection Inspectorate',
    abbreviation: 'AKI',
    formerNames: [],
    address: { street: 'Tatari 39', postalCode: '10134', city: 'Tallinn', country: 'EE' },
    phone: '+372 627 4135',
    email: 'info@aki.ee',
    web: 'https://www.aki.ee',
    ref: NOTES,
  },
  LT: {
    country: 'LT',
    name: 'Valstybinė duomenų apsaugos inspekcija',
    nameEn: 'State Data Protection Inspectorate',
    abbreviation: 'VDAI',
    formerNames: [],
    address: { street: 'L. Sapiegos g. 17', postalCode: '10312', city: 'Vilnius', country: 'LT' },
    phone: '+370 5 271 2804',
    email: 'ada@ada.lt',
    web: 'https://vdai.lrv.lt',
    ref: NOTES,
  },
  SE: {
    country: 'SE',
    name: 'Integritetsskyddsmyndigheten',
    nameEn: 'Swedish Authority for Privacy Protection',
    abbreviation: 'IMY',
    formerNames: [{ name: 'Datainspektionen', until: '2021-01-01' }],
    address: { street: 'Box 8114', postalCode: '104 20', city: 'Stockholm', country: 'SE' },
    phone: '+46 8 657 61 00',
    email: 'imy@imy.se',
    web: 'https://www.imy.se',
    ref: NOTES,
  },
  LV: {
    country: 'LV',
    name: 'Datu valsts inspekcija',
    nameEn: 'Data State Inspectorate',
    abbreviation: 'DVI',
    formerNames: [],
    address: { street: 'Elijas iela 17', postalCode: 'LV-1050', city: 'Rīga', country: 'LV' },
    phone: '+371 67 223 131',
    email: 'info@dvi.gov.lv',
    otherEmails: ['pasts@dvi.gov.lv'],
    web: 'https://www.dvi.gov.lv',
    ref: NOTES,
  },
  NO: {
    country: 'NO',
    name: 'Datatilsynet',
    nameEn: 'Norwegian Data Protection Authority',
    abbreviation: 'Datatilsynet',
    formerNames: [],
    address: { street: 'Postboks 458 Sentrum', postalCode: '0105', city: 'Oslo', country: 'NO' },
    phone: '+47 22 39 69 00',
    email: 'postkasse@datatilsynet.no',
    web: 'https://www.datatilsynet.no',
    ref: NOTES,
  },
};
