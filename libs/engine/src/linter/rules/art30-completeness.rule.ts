import { ControllerDefinition } from '../../schema/controller';
import { Register } from '../../schema/register';
import { finding } from '../codes';
import { isBlank, itemsAt, registersOf } from '../facts';
import { Finding } from '../finding';
import { LintRule } from '../rule';
import { childPath } from '../walk';

/** Controller fields GDPR Art. 30(1)(a) (and Art. 13(1)(a)) needs: name and contact details. */
/**
 * The shape a field must have. A blank text is a gap in what the controller
 * stated (`art30-missing`, refuses publishing); an absent list or object, or a
 * value of the wrong type, is one the schema cannot hold (`missing-field`,
 * refuses saving).
 */
type Shape = 'text' | 'key' | 'list' | 'list-or-none' | 'object' | 'object-or-none';

const CONTROLLER_FIELDS: [string, (d: ControllerDefinition) => unknown, Shape, string][] = [
  ['slug', (d) => d.slug, 'key', 'the tenant slug'],
  ['legalName', (d) => d.legalName, 'text', 'the controller\'s legal name (Art. 30(1)(a))'],
  ['registryCode', (d) => d.registryCode, 'text', 'the registry code identifying the controller (Art. 30(1)(a))'],
  ['legalAddress', (d) => d.legalAddress, 'object', 'the legal address (Art. 30(1)(a) contact details)'],
  ['legalAddress.street', (d) => d.legalAddress?.street, 'text', 'the street of the legal address (Art. 30(1)(a))'],
  ['legalAddress.city', (d) => d.legalAddress?.city, 'text', 'the city of the legal address (Art. 30(1)(a))'],
  ['legalAddress.country', (d) => d.legalAddress?.country, 'text', 'the country of the legal address (Art. 30(1)(a))'],
  ['contact', (d) => d.contact, 'object', 'the controller\'s contact details (Art. 30(1)(a), 13(1)(a))'],
  ['contact.email', (d) => d.contact?.email, 'text', 'the contact e-mail (Art. 30(1)(a), 13(1)(a))'],
  ['dpo', (d) => d.dpo, 'object-or-none', 'the DPO, or \'none\' (Art. 30(1)(a), 13(1)(b))'],
  ['jurisdiction', (d) => d.jurisdiction, 'object', 'the jurisdiction (country, authority, Art. 8 age)'],
  ['documents', (d) => d.documents, 'list', 'the source documents facts are taken from'],
  ['registers', (d) => d.registers, 'list', 'the registers: the Art. 30(1) record itself'],
  ['rights', (d) => d.rights, 'list', 'the data-subject rights (Art. 13(2)(b))'],
  ['requests', (d) => d.requests, 'object', 'the rights-request policy (Art. 12)'],
  ['children', (d) => d.children, 'object', 'the statement about children (Art. 8)'],
];

/** Register sections, one per Art. 30(1) letter (sources: Art. 14(2)(f)). */
const REGISTER_SECTIONS: [keyof Register, Shape, string][] = [
  ['name', 'object', 'a name'],
  ['purposes', 'list', 'its purposes (Art. 30(1)(b))'],
  ['subjects', 'list', 'its categories of data subjects (Art. 30(1)(c))'],
  ['dataCategories', 'list', 'its categories of personal data (Art. 30(1)(c))'],
  ['sources', 'list', 'the sources of the data (Art. 14(2)(f))'],
  ['recipients', 'list-or-none', 'its categories of recipients, or \'none\' (Art. 30(1)(d))'],
  ['transfers', 'list-or-none', 'its third-country transfers, or \'none\' (Art. 30(1)(e))'],
  ['retention', 'list', 'its time limits for erasure (Art. 30(1)(f))'],
  ['security', 'list', 'its security measures (Art. 30(1)(g), 32)'],
];

/**
 * A blank field whose provenance is 'unknown' (the controller's document leaves it
 * blank) is not a gap in the definition: it says nobody stated it, and provenance
 * keeps it out of every published text until a person supplies it.
 */
function markedUnknown(def: ControllerDefinition, path: string): boolean {
  const [head, field] = path.split('.');
  const refs = head === 'contact' ? def.contact?.fieldRefs?.[field] : def.fieldRefs?.[head];
  return (refs ?? []).some((r) => r.provenance === 'unknown');
}

const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Does a present value have the shape? */
function fits(value: unknown, shape: Shape): boolean {
  switch (shape) {
    case 'text': case 'key': return typeof value === 'string';
    case 'list': return Array.isArray(value);
    case 'list-or-none': return Array.isArray(value) || value === 'none';
    case 'object': return isObject(value);
    case 'object-or-none': return isObject(value) || value === 'none';
  }
}

/** The finding for a field that is absent, blank or of the wrong shape; null when it is fine. */
function check30(value: unknown, shape: Shape, path: string, absent: string, ref?: Finding['ref']): Finding | null {
  const missing = value === undefined || value === null;
  if (!missing && !fits(value, shape)) {
    return finding('missing-field', path, `${absent.replace(/ lacks /, ' has ')} of the wrong type (${Array.isArray(value) ? 'a list' : typeof value}): give it as ${shape.replace(/-or-none$/, ' or \'none\'').replace(/^key$/, 'text')}.`, ref);
  }
  if (missing && shape !== 'text') return finding('missing-field', path, `${absent}. Add it.`, ref);
  if (isBlank(value)) return finding('art30-missing', path, `${absent}. Add it.`, ref);
  return null;
}

function check(def: ControllerDefinition): Finding[] {
  const out: Finding[] = [];
  for (const [path, get, shape, what] of CONTROLLER_FIELDS) {
    const value = get(def);
    if (isBlank(value) && typeof value === 'string' && markedUnknown(def, path)) continue;
    const f = check30(value, shape, path, `The definition lacks ${what}`);
    if (f) out.push(f);
  }
  if (def.dpo && def.dpo !== 'none' && isBlank(def.dpo.email) && isBlank(def.dpo.phone)) {
    out.push(finding('art30-missing', 'dpo', 'The DPO has no e-mail and no phone: give the DPO\'s contact details (Art. 30(1)(a), 13(1)(b), 37(7)).', def.dpo.ref));
  }
  for (const { item: register, path } of registersOf(def)) {
    for (const [key, shape, what] of REGISTER_SECTIONS) {
      const f = check30(register[key], shape, childPath(path, key), `Register '${register.id}' lacks ${what}`, register.ref);
      if (f) out.push(f);
    }
    for (const { item: purpose, path: purposePath } of itemsAt(path, 'purposes', register.purposes)) {
      const bases = check30(purpose.legalBases, 'list', childPath(purposePath, 'legalBases'), `Purpose '${purpose.id}' lacks its legal bases: add its Art. 6(1) basis (Art. 6(1), 13(1)(c))`, purpose.ref);
      if (bases) out.push(bases);
      const categories = check30(purpose.categories, 'list', childPath(purposePath, 'categories'), `Purpose '${purpose.id}' lacks its data categories: list the ids of the categories it processes (Art. 30(1)(c))`, purpose.ref);
      if (categories) out.push(categories);
    }
  }
  return out;
}

/** Structure / GDPR Art. 30(1)(a)-(g): every required field is present and of its type. Empty lists are `empty-section`'s. */
export const art30CompletenessRule: LintRule = { name: 'art30-completeness', codes: ['art30-missing', 'missing-field'], check };
