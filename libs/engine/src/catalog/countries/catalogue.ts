import { Authority, COUNTRIES, Country } from '../../schema/jurisdiction';
import { Ref } from '../../schema/text';
import { CHECKED_ENTRIES } from './checked';
import { CountryEntry } from './country-entry';
import { EASTERN_ENTRIES } from './eastern';
import { GERMANY } from './germany';
import { NORDIC_ENTRIES } from './nordic';
import { SOUTHERN_ENTRIES } from './southern';
import { SPAIN } from './spain';
import { WESTERN_ENTRIES } from './western';

function byCountry(entries: CountryEntry[]): Record<Country, CountryEntry> {
  const out = {} as Record<Country, CountryEntry>;
  for (const e of entries) {
    if (out[e.country]) throw new Error(`country catalogue: ${e.country} twice`);
    out[e.country] = e;
  }
  const missing = COUNTRIES.filter((c) => !out[c]);
  if (missing.length > 0) throw new Error(`country catalogue: no entry for ${missing.join(', ')}`);
  return out;
}

/** The EU/EEA country catalogue: one entry per country of `COUNTRIES`. */
export const COUNTRY_CATALOGUE: Readonly<Record<Country, CountryEntry>> = byCountry([
  ...Object.values(CHECKED_ENTRIES), ...NORDIC_ENTRIES, ...WESTERN_ENTRIES, ...SOUTHERN_ENTRIES, ...EASTERN_ENTRIES, GERMANY, SPAIN,
]);

/** The supervisory authorities of `country`: its national one first, then any regional ones. */
export function authoritiesOf(country: Country): readonly Authority[] {
  return COUNTRY_CATALOGUE[country].authorities;
}

/**
 * Whether a controller established in `country` must say which authority is
 * competent for it (competence is regional: Germany, Spain), rather than
 * getting the country's one authority.
 */
export function needsAuthorityChoice(country: Country): boolean {
  return authoritiesOf(country).length > 1;
}

/**
 * The authority of a controller in `country`: the only one, or the one chosen
 * where a choice is needed (`choice` is a region code such as 'DE-BY', or the
 * abbreviation of the national authority, e.g. 'BfDI'). Throws RangeError when a
 * choice is needed and missing, or names no authority of the country.
 */
export function authorityFor(country: Country, choice?: string): Authority {
  const all = authoritiesOf(country);
  if (choice === undefined) {
    if (all.length > 1) throw new RangeError(`${country} has ${all.length} supervisory authorities: choose one (${authorityChoices(country).join(', ')})`);
    return all[0];
  }
  const found = all.find((a) => a.region?.code === choice || (!a.region && a.abbreviation === choice));
  if (!found) throw new RangeError(`no supervisory authority '${choice}' in ${country}: expected one of ${authorityChoices(country).join(', ')}`);
  return found;
}

/** The values `authorityFor` accepts as a choice for `country`. */
export function authorityChoices(country: Country): string[] {
  return authoritiesOf(country).map((a) => a.region?.code ?? a.abbreviation);
}

/** Every authority of the catalogue, in catalogue order. */
export function allAuthorities(): Authority[] {
  return COUNTRIES.flatMap((c) => COUNTRY_CATALOGUE[c].authorities);
}

/** Every ref of a catalogue entry (its authorities', act's, age's, time zone's and calendar's). */
export function entryRefs(entry: CountryEntry): Ref[] {
  return [...entry.authorities.flatMap((a) => a.ref), ...entry.nationalAct.ref, ...entry.art8Age.ref, ...entry.timeZone.ref, ...entry.holidays.ref];
}

/** Whether any fact of the entry is assumed (not checked against its source). */
export function isAssumedEntry(entry: CountryEntry): boolean {
  return entryRefs(entry).some((r) => r.provenance === 'assumed');
}

/**
 * The authority whose current or former name (or abbreviation) this is, and
 * whether the name is outdated. The authorities of `country` are looked at
 * first: two countries' authorities may share a name (Datatilsynet).
 */
export function findAuthorityByName(name: string, country?: Country): { authority: Authority; outdated: boolean } | undefined {
  const wanted = name.trim().toLowerCase();
  for (const authority of authoritiesInOrder(country)) {
    if ([authority.name, authority.nameEn, authority.abbreviation].some((n) => n.toLowerCase() === wanted)) {
      return { authority, outdated: false };
    }
    if (authority.formerNames.some((f) => f.name.toLowerCase() === wanted)) return { authority, outdated: true };
  }
  return undefined;
}

/** Every authority, those of `country` first. */
export function authoritiesInOrder(country?: Country): Authority[] {
  const all = allAuthorities();
  return country ? [...authoritiesOf(country), ...all.filter((a) => a.country !== country)] : all;
}
