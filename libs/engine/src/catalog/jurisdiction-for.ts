import { COUNTRY_CATALOGUE, authorityFor } from './countries/catalogue';
import { NATIONAL_RULES, isCheckedCountry } from './national-rules';
import { ControllerCountry, Jurisdiction } from '../schema/jurisdiction';
import { Lang } from '../schema/text';

/**
 * The jurisdiction of a controller established in `country`, from the country
 * catalogue. Where competence is regional (`needsAuthorityChoice`), `authority`
 * names the one chosen (see `authorityFor`); without it this throws. The
 * e-communications act is known for the checked countries only: elsewhere it is
 * absent (the cookie rule then names "the national e-communications act").
 */
export function jurisdictionFor(country: ControllerCountry, languages: Lang[], authority?: string): Jurisdiction {
  const entry = COUNTRY_CATALOGUE[country];
  return {
    country,
    timeZone: entry.timeZone.zone,
    nationalAct: entry.nationalAct,
    ...(isCheckedCountry(country) ? { eCommunicationsAct: NATIONAL_RULES[country].eCommunicationsAct } : {}),
    art8Age: entry.art8Age.age,
    authority: authorityFor(country, authority),
    languages,
  };
}
