import { AUTHORITIES } from '../authorities';
import { CheckedCountry, NATIONAL_RULES } from '../national-rules';
import { CountryEntry } from './country-entry';

/**
 * The entries of the checked countries, whose facts were checked against the
 * demo controllers' notices and the project's legal notes. Built from
 * AUTHORITIES and NATIONAL_RULES (the same objects, not copies), so those stay
 * the one place these facts are written.
 */
function checked(country: CheckedCountry, languages: string[], holidayLanguage: string): CountryEntry {
  const rules = NATIONAL_RULES[country];
  return {
    country,
    languages,
    authorities: [AUTHORITIES[country]],
    nationalAct: rules.nationalAct,
    // the national act sets the age
    art8Age: { age: rules.art8Age, ref: rules.nationalAct.ref },
    timeZone: { zone: rules.timeZone, ref: [{ source: 'IANA-TZDB', at: `zone1970.tab: ${country}` }] },
    holidays: { code: country, language: holidayLanguage, ref: [{ source: 'HOLIDAY-CALENDARS', at: country }] },
  };
}

export const CHECKED_ENTRIES: Record<CheckedCountry, CountryEntry> = {
  EE: checked('EE', ['et'], 'et'),
  LT: checked('LT', ['lt'], 'lt'),
  LV: checked('LV', ['lv'], 'lv'),
  SE: checked('SE', ['sv'], 'sv'),
};
