import { authoritiesInOrder, authoritiesOf, findAuthorityByName } from '../../catalog/countries/catalogue';
import { ControllerDefinition } from '../../schema/controller';
import { Authority, Country, isCountry } from '../../schema/jurisdiction';
import { finding } from '../codes';
import { Finding } from '../finding';
import { LintRule } from '../rule';

const CONTACT_FIELDS: [string, (a: Authority) => string | undefined][] = [
  ['email', (a) => a.email],
  ['phone', (a) => a.phone],
  ['web', (a) => a.web],
  ['address.street', (a) => a.address?.street],
  ['address.city', (a) => a.address?.city],
];

function label(a: Authority): string {
  return `${a.name} (${a.abbreviation})`;
}

/** The authorities of `country` as one phrase ("X (A)" or "X (A), Y (B) or Z (C)"). */
function labels(country: Country): string {
  const all = authoritiesOf(country).map(label);
  return all.length > 1 ? `${all.slice(0, -1).join(', ')} or ${all[all.length - 1]}` : all[0];
}

/**
 * The catalogue's authority the definition's one should be: the country's only
 * one, or, where the country has several (regional competence), the one of the
 * same name (or former name); undefined when it is none of them.
 */
function expectedAuthority(country: Country, actual: Authority): Authority | undefined {
  const all = authoritiesOf(country);
  if (all.length === 1) return all[0];
  const name = actual.name?.trim().toLowerCase();
  return all.find((a) => a.name.toLowerCase() === name || a.formerNames.some((f) => f.name.toLowerCase() === name));
}

function checkAuthority(def: ControllerDefinition): Finding[] {
  const country = def.jurisdiction?.country;
  const actual = def.jurisdiction?.authority;
  if (!isCountry(country) || !actual) return [];
  const expected = expectedAuthority(country, actual);
  if (!expected) {
    return [finding('authority-mismatch', 'jurisdiction.authority.name', `The authority is "${actual.name}" (${actual.country}) but a controller established in ${country} answers to ${labels(country)} (Art. 55, 77): use authorityFor('${country}', ...).`, actual.ref)];
  }
  const path = 'jurisdiction.authority';
  const former = expected.formerNames.find((f) => f.name.toLowerCase() === actual.name?.trim().toLowerCase());
  if (former) {
    return [finding('authority-outdated', `${path}.name`, `The authority is named "${actual.name}", a name used until ${former.until}: the authority for ${country} is ${label(expected)} (Art. 13(2)(d), 77). Use authorityFor('${country}'${expected.region ? `, '${expected.region.code}'` : ''}).`, actual.ref)];
  }
  if (actual.country !== country || actual.name !== expected.name) {
    return [finding('authority-mismatch', `${path}.name`, `The authority is "${actual.name}" (${actual.country}) but a controller established in ${country} answers to ${label(expected)} (Art. 55, 77): use authorityFor('${country}'${expected.region ? `, '${expected.region.code}'` : ''}).`, actual.ref)];
  }
  return CONTACT_FIELDS.filter(([, get]) => get(actual) !== get(expected)).map(([field, get]) =>
    finding('authority-contact-mismatch', `${path}.${field}`, `The authority's ${field} is "${get(actual) ?? ''}" but ${get(expected) === undefined ? `the catalogue has none for ${expected.abbreviation}` : `${expected.abbreviation} publishes "${get(expected)}"`}: use the catalogue's details, or update the catalogue with its source.`, actual.ref),
  );
}

/** Matches the name as printed, allowing additions such as "Latvijas Republikas Datu valsts inspekcija". */
function recognise(printed: string, country: Country): { authority: Authority; outdated: boolean } | undefined {
  const exact = findAuthorityByName(printed, country);
  if (exact) return exact;
  const text = printed.toLowerCase();
  for (const authority of authoritiesInOrder(country)) {
    if ([authority.name, authority.nameEn].some((n) => text.includes(n.toLowerCase()))) return { authority, outdated: false };
    if (authority.formerNames.some((f) => text.includes(f.name.toLowerCase()))) return { authority, outdated: true };
  }
  return undefined;
}

function checkNotice(def: ControllerDefinition): Finding[] {
  const claim = def.notice?.authorityName;
  const country = def.jurisdiction?.country;
  if (!claim || !isCountry(country)) return [];
  const path = 'notice.authorityName';
  const own = authoritiesOf(country);
  const stated = def.jurisdiction?.authority;
  const expected = (own.length > 1 && stated ? expectedAuthority(country, stated) : undefined) ?? own[0];
  const found = recognise(claim.name, country);
  if (!found) {
    return [finding('notice-authority-unrecognised', path, `The notice names the authority "${claim.name}", which matches no name in the catalogue: check it is ${label(expected)}.`, claim.ref)];
  }
  if (found.authority.country !== country) {
    return [finding('notice-authority-mismatch', path, `The notice names ${label(found.authority)}, the authority of ${found.authority.country}, but the controller answers to ${label(expected)}: correct the notice (Art. 13(2)(d), 55).`, claim.ref)];
  }
  if (found.authority !== expected && own.length > 1) {
    return [finding('notice-authority-mismatch', path, `The notice names ${label(found.authority)}, but the controller answers to ${label(expected)}: correct the notice (Art. 13(2)(d), 55).`, claim.ref)];
  }
  if (found.outdated) {
    return [finding('notice-authority-outdated', path, `The notice names the authority "${claim.name}", a former name: it is ${label(found.authority)}, ${found.authority.web}. Correct the notice (Art. 13(2)(d)).`, claim.ref)];
  }
  return [];
}

/** The supervisory authority (GDPR Art. 51, 55, 77) in the definition and in the notice. */
export const authorityRule: LintRule = {
  name: 'authority',
  codes: ['authority-outdated', 'authority-mismatch', 'authority-contact-mismatch', 'notice-authority-outdated', 'notice-authority-mismatch', 'notice-authority-unrecognised'],
  check: (def) => [...checkAuthority(def), ...checkNotice(def)],
};
