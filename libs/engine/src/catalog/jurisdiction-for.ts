import { AUTHORITIES } from './authorities';
import { NATIONAL_RULES } from './national-rules';
import { ControllerCountry, Jurisdiction } from '../schema/jurisdiction';
import { Lang } from '../schema/text';

/** The jurisdiction of a controller established in `country`, from the catalogues. */
export function jurisdictionFor(country: ControllerCountry, languages: Lang[]): Jurisdiction {
  const rules = NATIONAL_RULES[country];
  return {
    country,
    timeZone: rules.timeZone,
    nationalAct: rules.nationalAct,
    eCommunicationsAct: rules.eCommunicationsAct,
    art8Age: rules.art8Age,
    authority: AUTHORITIES[country],
    languages,
  };
}
