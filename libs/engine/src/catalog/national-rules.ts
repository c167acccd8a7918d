/**
 * The countries whose national facts were checked against their sources (the
 * demo controllers' notices and the project's legal notes). Every other
 * country's entry in the country catalogue is an assumed fact.
 */
export const CHECKED_COUNTRIES = ['EE', 'LT', 'LV', 'SE'] as const;
export type CheckedCountry = (typeof CHECKED_COUNTRIES)[number];

export function isCheckedCountry(country: string): country is CheckedCountry {
  return (CHECKED_COUNTRIES as readonly string[]).includes(country);
}
import { Duration, AnchorEvent } from '../schema/retention';
import { Ref, Text } from '../schema/text';

export interface NationalRules {
  country: CheckedCountry;
  timeZone: string;
  nationalAct: { name: Text; ref: Ref[] };
  eCommunicationsAct: { name: Text; ref: Ref[] };
  /** GDPR Art. 8(1) age as set by the national act. */
  art8Age: number;
  /** Statutory retention of accounting documents. */
  accounting: { period: Duration; anchor: AnchorEvent; ref: Ref[]; verify: boolean };
}

/**
 * National specifics of the checked countries. Where `verify` is true
 * the figure is a default a tenant definition may override. The country
 * catalogue (`countries/`) takes these countries' act, Art. 8 age and time zone
 * from here; the e-communications act and the accounting retention are known
 * for these countries only.
 */
export const NATIONAL_RULES: Record<CheckedCountry, NationalRules> = {
  EE: {
    country: 'EE',
    timeZone: 'Europe/Tallinn',
    nationalAct: { name: { en: 'Personal Data Protection Act (2019)', et: 'Isikuandmete kaitse seadus (2019)' }, ref: [{ source: 'EE-IKS' }] },
    eCommunicationsAct: { name: { en: 'Electronic Communications Act', et: 'Elektroonilise side seadus' }, ref: [{ source: 'EE-ESS' }] },
    art8Age: 13,
    accounting: { period: { years: 7 }, anchor: 'financial-year-end', ref: [{ source: 'EE-ACCOUNTING-ACT', at: '§ 12' }], verify: false },
  },
  LT: {
    country: 'LT',
    timeZone: 'Europe/Vilnius',
    nationalAct: { name: { en: 'Law on Legal Protection of Personal Data', lt: 'Asmens duomenų teisinės apsaugos įstatymas' }, ref: [{ source: 'LT-ADTAI' }] },
    eCommunicationsAct: { name: { en: 'Law on Electronic Communications', lt: 'Elektroninių ryšių įstatymas' }, ref: [{ source: 'LT-ERI' }] },
    art8Age: 14,
    accounting: { period: { years: 10 }, anchor: 'financial-year-end', ref: [{ source: 'LT-ARCHIVES-INDEX', note: 'verify: 10 years per the general retention index' }], verify: true },
  },
  SE: {
    country: 'SE',
    timeZone: 'Europe/Stockholm',
    nationalAct: { name: { en: 'Data Protection Act (2018:218)', sv: 'Dataskyddslagen (2018:218)' }, ref: [{ source: 'SE-DSL' }] },
    eCommunicationsAct: { name: { en: 'Electronic Communications Act (2022:482)', sv: 'Lag (2022:482) om elektronisk kommunikation' }, ref: [{ source: 'SE-LEK' }] },
    art8Age: 13,
    accounting: { period: { years: 7 }, anchor: 'calendar-year-end-after-financial-year', ref: [{ source: 'SE-BFL', at: '7 kap. 2 §' }], verify: false },
  },
  LV: {
    country: 'LV',
    timeZone: 'Europe/Riga',
    nationalAct: { name: { en: 'Personal Data Processing Law (2018)', lv: 'Fizisko personu datu apstrādes likums (2018)' }, ref: [{ source: 'LV-FPDAL' }] },
    eCommunicationsAct: { name: { en: 'Information Society Services Law', lv: 'Informācijas sabiedrības pakalpojumu likums' }, ref: [{ source: 'LV-ISPL' }] },
    art8Age: 13,
    accounting: { period: { years: 5 }, anchor: 'financial-year-end', ref: [{ source: 'LV-GRAMATVEDIBA', note: 'verify: source documents at least 5 years; registers 10 years' }], verify: true },
  },
};
