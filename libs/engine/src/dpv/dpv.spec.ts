import { TENANTS, findTenant } from '@regula/tenants';
import { ControllerDefinition } from '../schema/controller';
import { Lang } from '../schema/text';
import {
  ART9_TERMS,
  COOKIE_PURPOSE_TERMS,
  LEGAL_BASIS_TERMS,
  PREFIXES,
  RECIPIENT_KIND_TERMS,
  RIGHT_TERMS,
  SAFEGUARD_TERMS,
  expandIri,
  unsureTerms,
} from './dpv-terms';
import { controllerToJson } from './to-json';
import { controllerToJsonLd } from './to-json-ld';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const GDPR = 'https://w3id.org/dpv/legal/eu/gdpr#';
const isObj = (v: Json | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const ld = (def: ControllerDefinition, lang: Lang = 'en') =>
  controllerToJsonLd(def, { lang, version: '3', validFrom: '2026-01-01' }) as Obj;
const tenant = (slug: string) => {
  const t = findTenant(slug);
  if (!t) throw new Error(`no tenant ${slug}`);
  return t;
};

/** Hand-written expansion: resolves a term or compact IRI against the context. */
function expander(ctx: Obj) {
  return (s: string): string => {
    const def = ctx[s];
    if (isObj(def) && typeof def['@id'] === 'string') return expander(ctx)(def['@id']);
    if (typeof def === 'string' && !s.includes(':')) return def;
    const colon = s.indexOf(':');
    if (colon > 0) {
      const ns = ctx[s.slice(0, colon)];
      if (typeof ns === 'string' && !s.slice(colon + 1).startsWith('//')) return ns + s.slice(colon + 1);
    }
    return s;
  };
}

/** Expands keys, @id and @type values of a JSON-LD tree (no library). */
function expandTree(v: Json, exp: (s: string) => string): Json {
  if (Array.isArray(v)) return v.map((x) => expandTree(x, exp));
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === '@context') continue;
    if (k === '@id') out[k] = exp(x as string);
    else if (k === '@type') out[k] = Array.isArray(x) ? x.map((t) => exp(t as string)) : exp(x as string);
    else out[k.startsWith('@') ? k : exp(k)] = expandTree(x, exp);
  }
  return out;
}

/** Every object in the tree. */
function objects(v: Json, acc: Obj[] = []): Obj[] {
  if (Array.isArray(v)) v.forEach((x) => objects(x, acc));
  else if (isObj(v)) {
    acc.push(v);
    Object.values(v).forEach((x) => objects(x, acc));
  }
  return acc;
}

/** Every IRI position: property keys, @id and @type values. */
function iriPositions(doc: Obj): string[] {
  const out: string[] = [];
  for (const o of objects({ ...doc, '@context': null })) {
    for (const [k, x] of Object.entries(o)) {
      if (k === '@id') out.push(x as string);
      else if (k === '@type') out.push(...(Array.isArray(x) ? (x as string[]) : [x as string]));
      else if (!k.startsWith('@')) out.push(k);
    }
  }
  return out;
}

const asList = (v: Json | undefined): Json[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const idsOf = (v: Json | undefined) => asList(v).map((x) => (isObj(x) ? (x['@id'] as string) : undefined));

/** IRI positions whose prefix (or term) the context does not declare. */
function undeclaredIris(doc: Obj): string[] {
  const ctx = doc['@context'] as Obj;
  const bad = iriPositions(doc).filter((s) => {
    if (/^https?:\/\//.test(s)) return false;
    if (s in ctx) return false;
    const colon = s.indexOf(':');
    return colon <= 0 || typeof ctx[s.slice(0, colon)] !== 'string';
  });
  return [...new Set(bad)];
}

/** @ids of node definitions (objects with more than an @id). */
const definedIds = (doc: Obj) =>
  objects(doc['@graph'])
    .filter((o) => typeof o['@id'] === 'string' && Object.keys(o).some((k) => k !== '@id'))
    .map((o) => o['@id'] as string);
const duplicates = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);

describe('the JSON-LD checks themselves', () => {
  it('reject an undeclared prefix and a duplicate @id', () => {
    const bad: Obj = {
      '@context': { dpv: 'https://w3id.org/dpv#' },
      '@graph': [
        { '@id': 'https://x.example/a', '@type': 'foo:Bar', 'dpv:hasName': 'a' },
        { '@id': 'https://x.example/a', 'bar:p': { '@id': 'baz:q' } },
      ],
    };
    expect(undeclaredIris(bad)).toEqual(['foo:Bar', 'bar:p', 'baz:q']);
    expect(duplicates(definedIds(bad))).toEqual(['https://x.example/a']);
  });
});

describe('DPV term tables', () => {
  it('covers every legal basis, Art. 9 condition, right, safeguard, recipient kind and cookie category the tenants use', () => {
    const unmapped: string[] = [];
    const check = (what: string, iri: string | undefined) => {
      if (!iri || !/^[a-z-]+:[^\s]+$/.test(iri) || !(iri.split(':')[0] in PREFIXES)) unmapped.push(`${what} -> ${iri}`);
    };
    for (const t of TENANTS) {
      for (const r of t.rights) check(`${t.slug} right ${r.right}`, RIGHT_TERMS[r.right]?.iri);
      for (const g of t.groupCompanies) if (g.sharing) check(`${t.slug} group ${g.name}`, LEGAL_BASIS_TERMS[g.sharing.basis]?.iri);
      for (const reg of t.registers) {
        for (const p of reg.purposes) {
          for (const b of p.legalBases) {
            check(`${t.slug}/${reg.id}/${p.id} ${b.article}`, LEGAL_BASIS_TERMS[b.article]?.iri);
            if (b.art9) check(`${t.slug}/${reg.id}/${p.id} ${b.art9.condition}`, ART9_TERMS[b.art9.condition]?.iri);
          }
        }
        if (reg.recipients !== 'none') for (const x of reg.recipients) check(`${t.slug} recipient ${x.kind}`, RECIPIENT_KIND_TERMS[x.kind]?.iri);
        if (reg.transfers !== 'none') {
          for (const x of reg.transfers) {
            if (x.safeguard) for (const s of SAFEGUARD_TERMS[x.safeguard] ?? [undefined]) check(`${t.slug} transfer ${x.safeguard}`, s?.iri);
          }
        }
        if (reg.cookies && reg.cookies !== 'none') for (const c of reg.cookies) check(`${t.slug} cookie ${c.category}`, COOKIE_PURPOSE_TERMS[c.category]?.iri);
      }
    }
    expect(unmapped).toEqual([]);
  });

  it('maps the GDPR bases and rights to eu-gdpr IRIs, and Regula-only rights to narrower Regula terms', () => {
    expect(expandIri(LEGAL_BASIS_TERMS['6(1)(f)'].iri)).toBe(`${GDPR}A6-1-f`);
    expect(expandIri(ART9_TERMS['9(2)(h)'].iri)).toBe(`${GDPR}A9-2-h`);
    expect(expandIri(RIGHT_TERMS['A7-3'].iri)).toBe(`${GDPR}A7-3`);
    expect(expandIri(RIGHT_TERMS.A77.iri)).toBe(`${GDPR}A77`);
    expect(expandIri(SAFEGUARD_TERMS['standard-contractual-clauses'][0].iri)).toBe(`${GDPR}A46-2-c`);
    expect(RIGHT_TERMS['recipients-in-period'].iri).toBe('regula:recipients-in-period');
    expect(expandIri(RIGHT_TERMS['recipients-in-period'].iri)).toBe('https://regula.example/vocab#recipients-in-period');
    expect(RIGHT_TERMS['A21-2'].broader).toBe('eu-gdpr:A21');
    expect(unsureTerms().map((u) => u.term.iri)).toEqual(
      expect.arrayContaining(['regula:A21-2', 'regula:A49-1-unspecified', 'eu-gdpr:A47-1', 'dpv:Authority']),
    );
  });
});

describe.each(TENANTS.map((t) => [t.slug, t] as const))('JSON-LD of %s', (_slug, def) => {
  const doc = ld(def, def.jurisdiction.languages[0]);
  const ctx = doc['@context'] as Obj;

  it('declares the prefix of every compact IRI it uses', () => {
    expect(undeclaredIris(doc)).toEqual([]);
    expect(ctx['eu-gdpr']).toBe(GDPR);
    expect(ctx.dpv).toBe('https://w3id.org/dpv#');
    expect(ctx.regula).toBe('https://regula.example/vocab#');
  });

  it('gives every node it defines a unique @id', () => {
    const defined = definedIds(doc);
    expect(duplicates(defined)).toEqual([]);
    expect(defined).toContain(`https://regula.example/t/${def.slug}`);
    for (const r of def.registers) expect(defined).toContain(`https://regula.example/t/${def.slug}/registers/${r.id}`);
  });

  it('is plain JSON (survives a JSON round trip)', () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('tags every text with the requested language, or English where the text has no translation', () => {
    for (const lang of def.jurisdiction.languages) {
      const d = ld(def, lang);
      const tagged = objects(d['@graph']).filter((o) => '@language' in o);
      expect(tagged.length).toBeGreaterThan(0);
      const wrong = tagged.filter((o) => o['@language'] !== lang && o['@language'] !== 'en');
      expect(wrong).toEqual([]);
      const inLang = tagged.filter((o) => o['@language'] === lang).length;
      expect(inLang / tagged.length).toBeGreaterThan(0.8);
    }
  });
});

describe('hand-written expansion', () => {
  const expanded = (slug: string, lang: Lang = 'en') => {
    const doc = ld(tenant(slug), lang);
    return expandTree(doc['@graph'] as Json, expander(doc['@context'] as Obj));
  };
  const node = (tree: Json, id: string) => {
    const found = objects(tree).find((o) => o['@id'] === id && Object.keys(o).length > 1);
    if (!found) throw new Error(`no node ${id}`);
    return found;
  };
  const DPV = 'https://w3id.org/dpv#';

  it("expands Inomedis' billing purpose to Art. 6(1)(b) and 6(1)(c) eu-gdpr IRIs", () => {
    const tree = expanded('inomedis');
    const billing = node(tree, 'https://regula.example/t/inomedis/registers/clients/purposes/billing');
    expect(billing['@type']).toBe(`${DPV}Purpose`);
    const bases = idsOf(billing[`${DPV}hasLegalBasis`]);
    expect(bases).toContain(`${GDPR}A6-1-c`);
    expect(bases).toContain(`${GDPR}A6-1-b`);
    const handling = node(tree, 'https://regula.example/t/inomedis/registers/clients');
    expect(handling['@type']).toBe(`${DPV}PersonalDataHandling`);
    expect(idsOf(handling[`${DPV}hasPurpose`])).toContain('https://regula.example/t/inomedis/registers/clients/purposes/billing');
    expect(idsOf(handling[`${DPV}hasDataController`])).toEqual(['https://regula.example/t/inomedis']);
  });

  it("expands Softera's rights to eu-gdpr IRIs, A21(2) to a Regula term narrower than A21", () => {
    const tree = expanded('softera-baltic');
    const controller = node(tree, 'https://regula.example/t/softera-baltic');
    expect(controller['@type']).toBe(`${DPV}DataController`);
    expect(controller['https://regula.example/vocab#dpoAppointed']).toBe(tenant('softera-baltic').dpo !== 'none');
    const rights = idsOf(controller[`${DPV}hasRight`]);
    for (const r of ['A15', 'A16', 'A17', 'A18', 'A20', 'A21', 'A22', 'A7-3', 'A77']) expect(rights).toContain(`${GDPR}${r}`);
    expect(rights).toContain('https://regula.example/vocab#A21-2');
    const a212 = node(tree, 'https://regula.example/vocab#A21-2');
    expect(idsOf(a212['http://www.w3.org/2004/02/skos/core#broader'])).toEqual([`${GDPR}A21`]);
  });

  it("expands Inomedis' recipients-in-period right into the Regula namespace", () => {
    const controller = node(expanded('inomedis'), 'https://regula.example/t/inomedis');
    expect(idsOf(controller[`${DPV}hasRight`])).toContain('https://regula.example/vocab#recipients-in-period');
  });

  it('carries the Latvian description of the billing purpose with @language lv', () => {
    const tree = expanded('inomedis', 'lv');
    const billing = node(tree, 'https://regula.example/t/inomedis/registers/clients/purposes/billing');
    const src = tenant('inomedis').registers.find((r) => r.id === 'clients')!.purposes.find((p) => p.id === 'billing')!;
    expect(billing['http://purl.org/dc/terms/description']).toEqual({ '@value': src.description.lv, '@language': 'lv' });
  });

  it('types recipients by kind and transfers by their safeguard terms', () => {
    for (const def of TENANTS) {
      const tree = expanded(def.slug);
      for (const reg of def.registers) {
        if (reg.recipients !== 'none') {
          for (const x of reg.recipients) {
            const n = node(tree, `https://regula.example/t/${def.slug}/registers/${reg.id}/recipients/${x.id}`);
            expect(n['@type']).toEqual([`${DPV}Recipient`, expandIri(RECIPIENT_KIND_TERMS[x.kind].iri)]);
          }
        }
        if (reg.transfers !== 'none') {
          for (const t of reg.transfers) {
            const n = node(tree, `https://regula.example/t/${def.slug}/registers/${reg.id}/transfers/${t.id}`);
            expect(idsOf(n[`${DPV}hasLegalBasis`])).toEqual(t.safeguard ? SAFEGUARD_TERMS[t.safeguard].map((s) => expandIri(s.iri)) : []);
          }
        }
      }
    }
  });
});

describe('JSON and JSON-LD carry the same content', () => {
  it.each(TENANTS.map((t) => [t.slug, t] as const))('%s: same registers, purposes, bases, recipients and rights', (_slug, def) => {
    const json = controllerToJson(def, { lang: 'en', version: '3' });
    const doc = ld(def);
    const exp = expander(doc['@context'] as Obj);
    const graph = doc['@graph'] as Obj[];
    const handlings = graph.filter((n) => n['@type'] === 'dpv:PersonalDataHandling');
    expect(json.registers.map((r) => r.iri)).toEqual(handlings.map((h) => h['@id']));
    expect(json.registers.map((r) => r.id)).toEqual(def.registers.map((r) => r.id));
    for (const [i, r] of json.registers.entries()) {
      const h = handlings[i];
      const purposes = asList(h['dpv:hasPurpose']).filter((p) => isObj(p) && p['@type'] === 'dpv:Purpose') as Obj[];
      expect(r.purposes.map((p) => p.iri)).toEqual(purposes.map((p) => p['@id']));
      for (const [j, p] of r.purposes.entries()) {
        const ldBases = idsOf(purposes[j]['dpv:hasLegalBasis']).map((x) => exp(x!));
        expect(ldBases).toEqual(p.legalBases.flatMap((b) => [b.iri, ...(b.art9 ? [b.art9.iri] : [])]));
      }
      const recipients = r.recipients === 'none' ? [] : r.recipients.map((x) => x.iri);
      expect(recipients).toEqual(idsOf(h['dpv:hasRecipient']));
      expect(r.retention.map((x) => x.iri)).toEqual(idsOf(h['dpv:hasStorageCondition']));
    }
    const controller = graph.find((n) => n['@type'] === 'dpv:DataController')!;
    expect(json.rights.map((r) => r.iri)).toEqual(idsOf(controller['dpv:hasRight']).map((x) => exp(x!)));
    expect(json.controller.registryCode).toBe(controller['regula:registryCode']);
    expect(json.version).toBe('3');
    expect(JSON.stringify(json)).not.toContain('@context');
  });
});
