import { createHash } from 'node:crypto';
import { ControllerDefinition } from '../schema/controller';
import { Ref, SourceDocument, Text } from '../schema/text';
import { PolicySectionId } from '../policy/policy-model';
import { childPath, itemPath } from '../linter/walk';
import { Provenance, provenanceOf } from './provenance';

/**
 * One fact of a controller definition that a reader can see: a node with its own
 * `ref` (a purpose, a legal basis, a retention rule, the contact...), one of the
 * controller's own fields, or a single field with refs of its own (`fieldRefs`, a
 * list stated as 'none').
 */
export interface Fact {
  /** Linter-style path: `registers[clients].retention[client-data]`, `legalAddress`, `contact.email`. */
  path: string;
  /** The register it belongs to, if any. */
  registerId?: string;
  /** What kind of fact it is: the property it sits under (`purposes`, `legalBases`, `legalAddress`...). */
  kind: string;
  /** Its name where it has one (a purpose's name, a recipient's name...). */
  label?: Text;
  /** The policy sections that state it; empty for facts no published text shows. */
  sections: PolicySectionId[];
  provenance: Provenance;
  refs: Ref[];
  /** The fact's own value (without its refs and without the facts nested in it). */
  value: unknown;
  /** SHA-256 of the canonical JSON of `value`: a confirmation holds while it is unchanged. */
  valueHash: string;
}

/** The controller's own fields, stated by its notice unless `fieldRefs` says otherwise. */
export const CONTROLLER_FIELDS = [
  'legalName', 'brand', 'registryCode', 'registryName', 'vatNumber', 'legalAddress', 'officeAddress', 'service', 'dpo',
] as const;

/** Subtrees that hold no fact a reader sees (the notice's own claims and remarks are internal). */
const INTERNAL = new Set(['notice', 'documents', 'branding', 'slug', 'financialYearEnd']);

/** Which policy sections state facts under a property (the first matching key on the path, innermost first). */
const SECTION_OF: Record<string, PolicySectionId[]> = {
  legalBases: ['purposes-and-bases'],
  legalObligation: ['purposes-and-bases'],
  purposes: ['purposes-and-bases'],
  subjects: ['data-and-subjects'],
  dataCategories: ['data-and-subjects'],
  sources: ['sources'],
  recipients: ['recipients'],
  groupCompanies: ['recipients'],
  transfers: ['transfers'],
  retention: ['retention'],
  conditions: ['retention'],
  security: ['security'],
  securityReports: ['security'],
  cookies: ['cookies'],
  automatedDecisions: ['automated-decisions'],
  rights: ['rights'],
  requests: ['rights'],
  channels: ['rights'],
  identity: ['rights'],
  excessiveRequests: ['rights'],
  children: ['children'],
  policyChanges: ['changes'],
  dpo: ['dpo'],
  contact: ['controller'],
  legalName: ['controller'],
  brand: ['controller'],
  registryCode: ['controller'],
  registryName: ['controller'],
  vatNumber: ['controller'],
  legalAddress: ['controller'],
  officeAddress: ['controller'],
  service: ['controller'],
  nationalAct: ['controller'],
  authority: ['rights'],
  representative: ['controller'],
  dpia: [],
  eCommunicationsAct: [],
};

function keysOf(path: string): string[] {
  return path.split('.').map((part) => part.replace(/\[.*$/, ''));
}

export function sectionsFor(path: string): PolicySectionId[] {
  const keys = keysOf(path).reverse();
  for (const k of keys) if (k in SECTION_OF) return SECTION_OF[k];
  return [];
}

function registerIdOf(path: string): string | undefined {
  const m = /^registers\[([^\]]+)\]/.exec(path);
  return m ? m[1] : undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isFactNode = (v: unknown): v is Record<string, unknown> & { ref: Ref[] } => isObject(v) && Array.isArray(v.ref);
const holdsFacts = (v: unknown): boolean => isFactNode(v) || (Array.isArray(v) && v.some(isFactNode));

export function canonical(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (isObject(v)) {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) if (v[k] !== undefined) out[k] = sort(v[k]);
      return out;
    }
    return v;
  };
  return JSON.stringify(sort(value) ?? null);
}

export function valueHash(value: unknown): string {
  return createHash('sha256').update(canonical(value)).digest('hex');
}

function labelOf(node: Record<string, unknown>): Text | undefined {
  for (const k of ['name', 'label', 'title']) {
    const v = node[k];
    if (isObject(v) && typeof v.en === 'string') return v as Text;
  }
  return undefined;
}

/** The default ref of a controller field: the first notice among the documents. */
function noticeRef(documents: readonly SourceDocument[]): Ref[] {
  const doc = documents.find((d) => d.role === 'notice') ?? documents[0];
  return doc ? [{ source: doc.id }] : [];
}

/** A fact with the means to change it in place (used on a copy by `applyConfirmations`). */
export interface LocatedFact {
  fact: Fact;
  /** Replaces the value (a node's own fields are merged; a field is set). */
  setValue(value: unknown): void;
  /** Replaces the refs that decide the fact's provenance. */
  setRefs(refs: Ref[]): void;
  /** The object the fact is (a node fact), or undefined for a single field. */
  node(): Record<string, unknown> | undefined;
  /** The node is an item of a list (it can be left out of it). */
  inList: boolean;
}

/** Every fact of the definition a reader can see, in definition order. Pure. */
export function listFacts(def: ControllerDefinition): Fact[] {
  return locateFacts(def).map((l) => l.fact);
}

/** As `listFacts`, with setters that change `def` itself. */
export function locateFacts(def: ControllerDefinition): LocatedFact[] {
  const documents = Array.isArray(def.documents) ? def.documents : [];
  const facts: LocatedFact[] = [];
  const add = (
    path: string, kind: string, value: unknown, refs: Ref[], label: Text | undefined,
    setValue: (v: unknown) => void, setRefs: (r: Ref[]) => void, node?: Record<string, unknown>,
  ) =>
    facts.push({
      node: () => node,
      inList: !!node && path.endsWith(']'),
      fact: {
        path, kind, label, refs, value,
        registerId: registerIdOf(path),
        sections: sectionsFor(path),
        provenance: provenanceOf(refs, documents),
        valueHash: valueHash(value),
      },
      setValue,
      setRefs,
    });
  const fieldSetters = (holder: Record<string, unknown>, key: string) => ({
    setValue: (v: unknown) => {
      if (v === undefined) delete holder[key];
      else holder[key] = v;
    },
    setRefs: (r: Ref[]) => {
      const fr = isObject(holder.fieldRefs) ? holder.fieldRefs : (holder.fieldRefs = {});
      (fr as Record<string, Ref[]>)[key] = r;
    },
  });

  const rootRefs = (def.fieldRefs ?? {}) as Record<string, Ref[] | undefined>;
  for (const field of CONTROLLER_FIELDS) {
    const value = (def as unknown as Record<string, unknown>)[field];
    if (value === undefined || isFactNode(value)) continue;
    const set = fieldSetters(def as unknown as Record<string, unknown>, field);
    add(field, field, value, rootRefs[field] ?? noticeRef(documents), undefined, set.setValue, set.setRefs);
  }

  const visit = (node: unknown, path: string, key: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, itemPath(path, item, i), key));
      return;
    }
    if (!isObject(node)) return;
    if (isFactNode(node)) {
      const fieldRefs = (isObject(node.fieldRefs) ? node.fieldRefs : {}) as Record<string, Ref[] | undefined>;
      const own: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(node)) {
        if (k === 'ref' || k === 'fieldRefs' || holdsFacts(v)) continue;
        if (fieldRefs[k] || v === 'none') {
          const set = fieldSetters(node, k);
          add(childPath(path, k), k, v, fieldRefs[k] ?? node.ref, undefined, set.setValue, set.setRefs);
        } else own[k] = v;
      }
      add(path, key, own, node.ref, labelOf(node), (v) => Object.assign(node, v), (r) => (node.ref = r), node);
    }
    for (const [k, v] of Object.entries(node)) {
      if (k !== 'ref' && k !== 'fieldRefs' && holdsFacts(v)) visit(v, childPath(path, k), k);
      else if (!isFactNode(node) && isObject(v)) visit(v, childPath(path, k), k);
    }
  };
  for (const [k, v] of Object.entries(def)) {
    if (INTERNAL.has(k) || k === 'fieldRefs' || (CONTROLLER_FIELDS as readonly string[]).includes(k) && !isFactNode(v)) continue;
    visit(v, k, k);
  }
  return facts;
}

/** The facts a published text states that are neither stated, corrected nor law: what blocks publishing. */
export function unpublishableFacts(facts: readonly Fact[]): Fact[] {
  return facts.filter((f) => f.sections.length > 0 && (f.provenance.class === 'assumed' || f.provenance.class === 'unknown'));
}

/**
 * What a reader may be told: a copy of the definition without the facts that
 * are neither stated, corrected nor law (apply confirmations first). A list
 * item resting on an assumption is left out of its list, a single field is
 * removed, and a fact that is neither (the contact, a request policy) loses
 * its texts (its codes and name stay, for the forms that need them). Pages built from it
 * show nothing rather than a guess. Pure.
 */
export function publishableDefinition<T extends ControllerDefinition | Omit<ControllerDefinition, 'registers'>>(def: T): T {
  const copy = structuredClone(def) as T;
  const hadRegisters = 'registers' in copy;
  const withRegisters = copy as unknown as ControllerDefinition;
  if (!hadRegisters) withRegisters.registers = [];
  const doomed = locateFacts(withRegisters).filter((l) => l.fact.provenance.class === 'assumed' || l.fact.provenance.class === 'unknown');
  const drop = new Set<unknown>();
  const KEEP = new Set(['name']);
  // A right exists by law whatever the controller wrote about it: its form stays, only its texts go.
  const KEEP_ITEMS = new Set(['rights']);
  for (const l of doomed) {
    const node = l.node();
    if (!node) {
      l.setValue(undefined);
    } else if (l.inList && !KEEP_ITEMS.has(l.fact.kind)) {
      drop.add(node);
    } else {
      for (const [k, v] of Object.entries(node)) if (!KEEP.has(k) && isTextLike(v)) delete node[k];
    }
  }
  const prune = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) if (drop.has(v[i])) v.splice(i, 1);
      v.forEach(prune);
    } else if (isObject(v)) Object.values(v).forEach(prune);
  };
  prune(withRegisters);
  if (!hadRegisters) delete (withRegisters as Partial<ControllerDefinition>).registers;
  return copy;
}

const isTextLike = (v: unknown): boolean => isObject(v) && typeof v.en === 'string';
