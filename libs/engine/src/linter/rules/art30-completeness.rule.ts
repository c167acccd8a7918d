import { ControllerDefinition } from '../../schema/controller';
import { Register } from '../../schema/register';
import { finding } from '../codes';
import { isBlank, itemsAt, registersOf } from '../facts';
import { Finding } from '../finding';
import { LintRule } from '../rule';
import { childPath } from '../walk';

/** Controller fields GDPR Art. 30(1)(a) (and Art. 13(1)(a)) needs: name and contact details. */
const CONTROLLER_FIELDS: [string, (d: ControllerDefinition) => unknown, string][] = [
  ['slug', (d) => d.slug, 'the tenant slug'],
  ['legalName', (d) => d.legalName, 'the controller\'s legal name (Art. 30(1)(a))'],
  ['registryCode', (d) => d.registryCode, 'the registry code identifying the controller (Art. 30(1)(a))'],
  ['legalAddress', (d) => d.legalAddress, 'the legal address (Art. 30(1)(a) contact details)'],
  ['legalAddress.street', (d) => d.legalAddress?.street, 'the street of the legal address (Art. 30(1)(a))'],
  ['legalAddress.city', (d) => d.legalAddress?.city, 'the city of the legal address (Art. 30(1)(a))'],
  ['legalAddress.country', (d) => d.legalAddress?.country, 'the country of the legal address (Art. 30(1)(a))'],
  ['contact', (d) => d.contact, 'the controller\'s contact details (Art. 30(1)(a), 13(1)(a))'],
  ['contact.email', (d) => d.contact?.email, 'the contact e-mail (Art. 30(1)(a), 13(1)(a))'],
  ['dpo', (d) => d.dpo, 'the DPO, or \'none\' (Art. 30(1)(a), 13(1)(b))'],
  ['jurisdiction', (d) => d.jurisdiction, 'the jurisdiction (country, authority, Art. 8 age)'],
  ['documents', (d) => d.documents, 'the source documents facts are taken from'],
  ['registers', (d) => d.registers, 'the registers: the Art. 30(1) record itself'],
  ['rights', (d) => d.rights, 'the data-subject rights (Art. 13(2)(b))'],
  ['requests', (d) => d.requests, 'the rights-request policy (Art. 12)'],
  ['children', (d) => d.children, 'the statement about children (Art. 8)'],
];

/** Register sections, one per Art. 30(1) letter (sources: Art. 14(2)(f)). */
const REGISTER_SECTIONS: [keyof Register, string][] = [
  ['name', 'a name'],
  ['purposes', 'its purposes (Art. 30(1)(b))'],
  ['subjects', 'its categories of data subjects (Art. 30(1)(c))'],
  ['dataCategories', 'its categories of personal data (Art. 30(1)(c))'],
  ['sources', 'the sources of the data (Art. 14(2)(f))'],
  ['recipients', 'its categories of recipients, or \'none\' (Art. 30(1)(d))'],
  ['transfers', 'its third-country transfers, or \'none\' (Art. 30(1)(e))'],
  ['retention', 'its time limits for erasure (Art. 30(1)(f))'],
  ['security', 'its security measures (Art. 30(1)(g), 32)'],
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

function check(def: ControllerDefinition): Finding[] {
  const out: Finding[] = [];
  for (const [path, get, what] of CONTROLLER_FIELDS) {
    if (isBlank(get(def)) && !markedUnknown(def, path)) out.push(finding('art30-missing', path, `The definition lacks ${what}. Add it.`));
  }
  if (def.dpo && def.dpo !== 'none' && isBlank(def.dpo.email) && isBlank(def.dpo.phone)) {
    out.push(finding('art30-missing', 'dpo', 'The DPO has no e-mail and no phone: give the DPO\'s contact details (Art. 30(1)(a), 13(1)(b), 37(7)).', def.dpo.ref));
  }
  for (const { item: register, path } of registersOf(def)) {
    for (const [key, what] of REGISTER_SECTIONS) {
      if (isBlank(register[key])) {
        out.push(finding('art30-missing', childPath(path, key), `Register '${register.id}' lacks ${what}. Add it.`, register.ref));
      }
    }
    for (const { item: purpose, path: purposePath } of itemsAt(path, 'purposes', register.purposes)) {
      if (isBlank(purpose.legalBases)) {
        out.push(finding('art30-missing', childPath(purposePath, 'legalBases'), `Purpose '${purpose.id}' states no legal basis: add its Art. 6(1) basis (Art. 6(1), 13(1)(c)).`, purpose.ref));
      }
      if (isBlank(purpose.categories)) {
        out.push(finding('art30-missing', childPath(purposePath, 'categories'), `Purpose '${purpose.id}' names no data categories: list the ids of the categories it processes (Art. 30(1)(c)).`, purpose.ref));
      }
    }
  }
  return out;
}

/** Structure / GDPR Art. 30(1)(a)-(g): every required field is present. Empty lists are `empty-section`'s. */
export const art30CompletenessRule: LintRule = { name: 'art30-completeness', codes: ['art30-missing'], check };
