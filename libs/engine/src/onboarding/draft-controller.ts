import { CODE_WORDS } from '../catalog/code-words';
import { jurisdictionFor } from '../catalog/jurisdiction-for';
import { ControllerDefinition, GroupCompany, RightCode, RightStatement } from '../schema/controller';
import { Lang, Ref, SourceDocument, Text } from '../schema/text';
import { Address } from '../schema/jurisdiction';
import { needsAuthorityChoice } from '../catalog/countries/catalogue';
import { ControllerFactsInput, OnboardingInput } from './onboarding-input';
import { onboardingTexts } from './onboarding-texts';

/** The document a controller's form-stated facts cite: what a person typed into the onboarding or facts form. */
export const CONTROLLER_FORM = 'controller-form';

/** The rights a new controller's policy states until its admin says otherwise (each in Regula's words, assumed). */
const DEFAULT_RIGHTS: { right: RightCode; at: string }[] = [
  { right: 'A15', at: 'Art. 15' }, { right: 'A16', at: 'Art. 16' }, { right: 'A17', at: 'Art. 17' }, { right: 'A18', at: 'Art. 18' },
  { right: 'A20', at: 'Art. 20' }, { right: 'A21', at: 'Art. 21' }, { right: 'A7-3', at: 'Art. 7(3)' }, { right: 'A77', at: 'Art. 77' },
];

export interface FormSource {
  /** The day the form was sent (YYYY-MM-DD). */
  date: string;
  /** Who sent it ("admin@example.test (platform-admin)"). */
  by: string;
}

const stated = (at: string): Ref[] => [{ source: CONTROLLER_FORM, at }];
/** A fact the form filled in without the admin stating it: listed for confirmation, never published until confirmed. */
const assumed = (at: string, note: string): Ref => ({ source: CONTROLLER_FORM, at, provenance: 'assumed', note });

function inLangs(text: Text, langs: readonly Lang[]): Text {
  const out: Text = { en: text.en };
  for (const l of langs) if (text[l]) out[l] = text[l];
  return out;
}

function formDocument(source: FormSource): SourceDocument {
  return { id: CONTROLLER_FORM, title: `Controller facts as stated in Regula's form by ${source.by}`, language: 'en', date: source.date, role: 'notice' };
}

function groupCompany(g: ControllerFactsInput['groupCompanies'][number], i: number, before: readonly GroupCompany[]): GroupCompany {
  const own = { name: g.name, relation: g.relation, country: g.country, ...(g.registryCode ? { registryCode: g.registryCode } : {}) };
  // A company the form left as it was keeps what only the definition says of it (what is shared with it) and its refs.
  const same = before.find((b) => b.name === g.name && b.relation === g.relation && b.country === g.country && b.registryCode === g.registryCode);
  return same ?? { ...own, ref: stated(`groupCompanies[${i}]`) };
}

/** The form's address over a stored one: what the form does not show (care of, region) is kept while the rest is unchanged. */
function keptAddress(before: Address | undefined, typed: Address): Address {
  const same = before && before.street === typed.street && before.city === typed.city && before.postalCode === typed.postalCode && before.country === typed.country;
  return same ? before : typed;
}

const TYPED_FIELDS = ['legalName', 'brand', 'registryCode', 'vatNumber', 'legalAddress', 'officeAddress', 'dpo'] as const;

/**
 * The facts the form states, laid over `def` (a new draft or the stored
 * definition): what an edit changes. Each field the form holds cites the form
 * (`fieldRefs`), so a controller whose facts came from its notice keeps the
 * notice as the source of everything the form does not hold.
 */
export function applyControllerFacts<T extends Omit<ControllerDefinition, 'registers'>>(def: T, facts: ControllerFactsInput, source: FormSource): T {
  const display = facts.brand ?? facts.legalName;
  const { vatNumber: _v, officeAddress: _o, brand: _b, ...rest } = def;
  const { email: _e, phone: _p, web: _w, ...contactRest } = def.contact;
  const fieldRefs = { ...def.fieldRefs };
  for (const f of TYPED_FIELDS) delete fieldRefs[f];
  for (const f of TYPED_FIELDS) if (f === 'dpo' ? facts.dpo === 'none' : facts[f] !== undefined) fieldRefs[f] = stated(f);
  return {
    ...rest,
    legalName: facts.legalName,
    ...(facts.brand ? { brand: facts.brand } : {}),
    registryCode: facts.registryCode,
    ...(facts.vatNumber ? { vatNumber: facts.vatNumber } : {}),
    legalAddress: keptAddress(def.legalAddress, facts.legalAddress),
    ...(facts.officeAddress ? { officeAddress: keptAddress(def.officeAddress, facts.officeAddress) } : {}),
    contact: { ...contactRest, ...facts.contact, ref: stated('contact') },
    dpo: facts.dpo === 'none' ? 'none' : { ...facts.dpo, ref: stated('dpo') },
    groupCompanies: facts.groupCompanies.map((g, i) => groupCompany(g, i, def.groupCompanies)),
    jurisdiction: jurisdictionFor(facts.country, facts.languages, facts.authority),
    branding: { ...def.branding, primaryColor: facts.branding.primaryColor, accentColor: facts.branding.accentColor, displayName: display },
    documents: [...def.documents.filter((d) => d.id !== CONTROLLER_FORM), formDocument(source)],
    fieldRefs,
  } as T;
}

/**
 * A new controller's definition from what the platform admin stated (issue 17
 * §1), with no register yet (its first policy is refused until its registers say
 * enough, by the same linter as every tenant's). What the admin typed cites the
 * form (a stated fact); the country brings the authority, national act, Art. 8
 * age and time zone from the catalogue with the catalogue's refs (an unchecked
 * entry stays assumed); everything the form fills in by itself (the rights in
 * Regula's words, the request channel, the identity check, the statement about
 * children, how changes are announced, the service) is assumed until a
 * compliance admin confirms or replaces it.
 */
export function draftController(input: OnboardingInput, source: FormSource): ControllerDefinition {
  const jurisdiction = jurisdictionFor(input.country, input.languages, input.authority);
  const langs = input.languages;
  const display = input.brand ?? input.legalName;
  const rights: RightStatement[] = DEFAULT_RIGHTS.map(({ right, at }) => ({
    right,
    description: inLangs({ en: CODE_WORDS.en.right[right], et: CODE_WORDS.et.right[right], lt: CODE_WORDS.lt.right[right], lv: CODE_WORDS.lv.right[right], sv: CODE_WORDS.sv.right[right] }, langs),
    ref: [{ source: 'GDPR', at }, assumed(`rights.${right}`, 'the right as the GDPR grants it, in Regula\'s words: the controller has not stated it')],
  }));
  const base: ControllerDefinition = {
    slug: input.slug,
    legalName: input.legalName,
    registryCode: input.registryCode,
    legalAddress: input.legalAddress,
    contact: { email: input.contact.email, ref: stated('contact') },
    dpo: 'none',
    groupCompanies: [],
    jurisdiction,
    branding: { primaryColor: input.branding.primaryColor, accentColor: input.branding.accentColor, displayName: display },
    service: inLangs(onboardingTexts.service(display), langs),
    documents: [],
    registers: [],
    rights,
    requests: {
      channels: [{ kind: 'e-mail', value: inLangs(onboardingTexts.same(input.contact.email), langs), ref: [assumed('requests.channels', 'the contact e-mail address taken as the channel for requests')] }],
      identity: { default: 'email-link', description: inLangs(onboardingTexts.identity(), langs), ref: [{ source: 'GDPR', at: 'Art. 12(2), 12(6)' }, assumed('requests.identity', 'a link to the known e-mail address, the least the law allows')] },
      responseMonths: 1,
      extensionMonths: 2,
      consentWithdrawalWorkingDays: 0,
      electronicReply: true,
      excessiveRequests: { fee: false, refuse: false, ref: [{ source: 'GDPR', at: 'Art. 12(5)' }, assumed('requests.excessiveRequests', 'neither a fee nor a refusal reserved')] },
      ref: [assumed('requests', 'one month to answer, electronic requests answered electronically (Art. 12(3))')],
    },
    children: {
      minimumAge: jurisdiction.art8Age,
      statement: inLangs(onboardingTexts.children(jurisdiction.art8Age), langs),
      ref: [{ source: 'GDPR', at: 'Art. 8(1)' }, assumed('children', `the age of digital consent in ${input.country}`)],
    },
    policyChanges: { channels: ['website'], archive: true, description: inLangs(onboardingTexts.changes(), langs), ref: [assumed('policyChanges', 'announced on the website, earlier versions archived')] },
    notice: {},
    fieldRefs: { service: [assumed('service', 'a sentence naming the controller: the admin has not described its service')] },
  };
  return { ...applyControllerFacts(base, input, source), registers: [] };
}

/** An address as the form holds it (street, city, postal code, country). */
const formAddress = (a: Address): Address => ({ street: a.street, city: a.city, ...(a.postalCode ? { postalCode: a.postalCode } : {}), country: a.country });

/** The editable facts of a stored definition: what the facts form shows, as `checkControllerFacts` would return them. */
export function controllerFactsOf(def: Omit<ControllerDefinition, 'registers'>): ControllerFactsInput {
  const j = def.jurisdiction;
  return {
    legalName: def.legalName,
    ...(def.brand ? { brand: def.brand } : {}),
    registryCode: def.registryCode,
    ...(def.vatNumber ? { vatNumber: def.vatNumber } : {}),
    legalAddress: formAddress(def.legalAddress),
    ...(def.officeAddress ? { officeAddress: formAddress(def.officeAddress) } : {}),
    contact: { email: def.contact.email, ...(def.contact.phone ? { phone: def.contact.phone } : {}), ...(def.contact.web ? { web: def.contact.web } : {}) },
    dpo: def.dpo === 'none' ? 'none' : { ...(def.dpo.name ? { name: def.dpo.name } : {}), email: def.dpo.email ?? '', ...(def.dpo.phone ? { phone: def.dpo.phone } : {}) },
    groupCompanies: def.groupCompanies.map((g) => ({ name: g.name, relation: g.relation, country: g.country, ...(g.registryCode ? { registryCode: g.registryCode } : {}) })),
    country: j.country,
    ...(needsAuthorityChoice(j.country) ? { authority: j.authority.region?.code ?? j.authority.abbreviation } : {}),
    languages: j.languages,
    branding: { primaryColor: def.branding.primaryColor.toUpperCase(), accentColor: def.branding.accentColor.toUpperCase() },
  };
}
