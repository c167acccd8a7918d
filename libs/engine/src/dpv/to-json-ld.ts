/**
 * The registers behind a policy version as a JSON-LD document in W3C DPV 2.x
 * terms: the controller, its supervisory authority, one
 * `dpv:PersonalDataHandling` per register and the rights it grants.
 * Pure: no JSON-LD library; every compact IRI uses a prefix of `PREFIXES`.
 */
import { ControllerDefinition } from '../schema/controller';
import { Address } from '../schema/jurisdiction';
import { Register } from '../schema/register';
import { RetentionRule } from '../schema/retention';
import { Text } from '../schema/text';
import {
  ART9_TERMS,
  COOKIE_PURPOSE_TERMS,
  DATA_SUBJECT_TERMS,
  LEGAL_BASIS_TERMS,
  PREFIXES,
  RECIPIENT_KIND_TERMS,
  REGULA_TERMS,
  RIGHT_TERMS,
  SAFEGUARD_TERMS,
  SOURCE_TERMS,
} from './dpv-terms';
import { DpvExportOptions, dpvExportIds, localisedText } from './ids';
import { isoDuration } from './to-json';

type Node = Record<string, unknown>;

/** Regula properties, declared in the context as terms of the Regula namespace. */
export const REGULA_PROPERTIES = [
  'registryCode', 'vatNumber', 'slug', 'registerId', 'businessFunction', 'directMarketing',
  'legalBasisStatement', 'basis', 'legitimateInterest', 'legalObligation', 'citedInNotice',
  'kind', 'mayIncludeChildren', 'fields', 'required', 'providedBySubject', 'dpa', 'country',
  'destination', 'safeguard', 'safeguardDetail', 'appliesTo', 'ruleKind', 'anchor', 'period',
  'action', 'condition', 'endsAt', 'plus', 'then', 'control', 'profiling', 'automatedDecisions',
  'significantEffects', 'logic', 'cookie', 'provider', 'firstParty', 'cookieCategory', 'expiry',
  'consentBasis', 'storage', 'location', 'dpia', 'dpiaRequired', 'dpiaStatus', 'version',
  'validFrom', 'dpoAppointed', 'rightStatement', 'right', 'conditions', 'groupCompany', 'relation', 'dataSubjectKind',
] as const;

/** The `@context` of every export. */
export function dpvContext(): Node {
  const ctx: Node = { ...PREFIXES };
  for (const p of REGULA_PROPERTIES) ctx[`regula:${p}`] = { '@id': `${PREFIXES.regula}${p}` };
  return ctx;
}

export function controllerToJsonLd(def: ControllerDefinition, opts: DpvExportOptions): object {
  const { lang } = opts;
  const ids = dpvExportIds(def.slug, opts);
  const tx = (t: Text | undefined) => {
    if (!t) return undefined;
    const p = localisedText(t, lang);
    return { '@value': p.value, '@language': p.lang };
  };
  const ref = (id: string) => ({ '@id': id });
  const bool = (b: boolean) => b;
  const address = (a: Address) =>
    [a.careOf, a.street, [a.postalCode, a.city].filter(Boolean).join(' '), a.region, a.country].filter(Boolean).join(', ');
  const authority = def.jurisdiction.authority;

  const controller: Node = {
    '@id': ids.controller,
    '@type': 'dpv:DataController',
    'dpv:hasName': def.legalName,
    ...(def.brand ? { 'schema:alternateName': def.brand } : {}),
    'regula:slug': def.slug,
    'regula:registryCode': def.registryCode,
    ...(def.vatNumber ? { 'regula:vatNumber': def.vatNumber } : {}),
    'dpv:hasAddress': address(def.legalAddress),
    'dpv:hasContact': {
      '@id': ids.contact,
      'schema:email': def.contact.email,
      ...(def.contact.phone ? { 'schema:telephone': def.contact.phone } : {}),
      ...(def.contact.web ? { 'schema:url': def.contact.web } : {}),
    },
    'regula:dpoAppointed': def.dpo !== 'none',
    ...(def.dpo === 'none'
      ? {}
      : {
          'dpv:hasDataProtectionOfficer': {
            '@id': ids.dpo,
            '@type': 'dpv:DataProtectionOfficer',
            ...(def.dpo.name ? { 'dpv:hasName': def.dpo.name } : {}),
            ...(def.dpo.title ? { 'dct:title': tx(def.dpo.title) } : {}),
            ...(def.dpo.email ? { 'schema:email': def.dpo.email } : {}),
            ...(def.dpo.phone ? { 'schema:telephone': def.dpo.phone } : {}),
          },
        }),
    ...(def.representative
      ? {
          'dpv:hasRepresentative': {
            '@id': ids.representative,
            '@type': 'dpv:Representative',
            'dpv:hasName': def.representative.name,
            'dpv:hasContact': def.representative.contact,
          },
        }
      : {}),
    'dpv:hasAuthority': ref(ids.authority(authority.country)),
    ...(def.groupCompanies.length
      ? {
          'regula:groupCompany': def.groupCompanies.map((g, i) => ({
            '@id': ids.groupCompany(i),
            '@type': 'regula:GroupCompany',
            'dpv:hasName': g.name,
            'regula:relation': g.relation,
            'regula:country': g.country,
            ...(g.registryCode ? { 'regula:registryCode': g.registryCode } : {}),
          })),
        }
      : {}),
    'dpv:hasRight': def.rights.map((r) => ref(RIGHT_TERMS[r.right].iri)),
    'regula:rightStatement': def.rights.map((r) => ({
      '@id': ids.right(r.right),
      'regula:right': ref(RIGHT_TERMS[r.right].iri),
      'dct:description': tx(r.description),
      ...(r.conditions ? { 'regula:conditions': tx(r.conditions) } : {}),
    })),
  };

  const authorityNode: Node = {
    '@id': ids.authority(authority.country),
    '@type': 'dpv:SupervisoryAuthority',
    'dpv:hasName': [{ '@value': authority.nameEn, '@language': 'en' }, authority.name],
    'schema:alternateName': authority.abbreviation,
    'dpv:hasAddress': address(authority.address),
    'schema:email': authority.email,
    'schema:telephone': authority.phone,
    'schema:url': authority.web,
    'regula:country': authority.country,
  };

  // Regula terms used in place of missing DPV terms, described once.
  const usedRights = new Set(def.rights.map((r) => r.right));
  const vocabNodes: Node[] = [];
  for (const [code, term] of Object.entries(RIGHT_TERMS)) {
    if (!term.broader || !usedRights.has(code as keyof typeof RIGHT_TERMS)) continue;
    vocabNodes.push({
      '@id': term.iri,
      '@type': 'dpv:DataSubjectRight',
      'skos:broader': ref(term.broader),
      'skos:definition': { '@value': REGULA_TERMS[term.iri], '@language': 'en' },
    });
  }

  const retention = (r: Register, rule: RetentionRule): Node => {
    const base: Node = {
      '@id': ids.part(r.id, 'retention', rule.id),
      '@type': 'dpv:StorageDuration',
      'dct:description': tx(rule.description),
      'regula:appliesTo': rule.categories.map((c) => ref(ids.part(r.id, 'data', c))),
      'regula:ruleKind': rule.kind,
      'regula:action': rule.action,
    };
    const dur = (d: Parameters<typeof isoDuration>[0]) => ({ '@value': isoDuration(d), '@type': 'xsd:duration' });
    if (rule.kind === 'period') return { ...base, 'regula:anchor': rule.anchor, 'regula:period': dur(rule.period) };
    if (rule.kind === 'conditions') {
      return {
        ...base,
        'regula:condition': rule.conditions.map((c) => ({
          '@id': `${ids.part(r.id, 'retention', rule.id)}/conditions/${encodeURIComponent(c.id)}`,
          'dct:description': tx(c.label),
          'regula:endsAt': c.endsAt,
          ...(c.plus ? { 'regula:plus': dur(c.plus) } : {}),
        })),
        'regula:then': dur(rule.then),
      };
    }
    return base;
  };

  const handling = (r: Register): Node => {
    const part = (kind: string, id: string) => ids.part(r.id, kind, id);
    const processing: string[] = [];
    if (r.automatedDecisions.profiling) processing.push('dpv:Profiling');
    if (r.automatedDecisions.automatedDecisions) processing.push('dpv:AutomatedDecisionMaking');
    const purposes: Node[] = r.purposes.map((p) => ({
      '@id': part('purposes', p.id),
      '@type': 'dpv:Purpose',
      'dct:title': tx(p.name),
      'dct:description': tx(p.description),
      'dpv:hasLegalBasis': p.legalBases.flatMap((b) => [
        ref(LEGAL_BASIS_TERMS[b.article].iri),
        ...(b.art9 ? [ref(ART9_TERMS[b.art9.condition].iri)] : []),
      ]),
      'regula:legalBasisStatement': p.legalBases.map((b, i) => ({
        '@id': `${part('purposes', p.id)}/legal-bases/${i}`,
        'regula:basis': ref(LEGAL_BASIS_TERMS[b.article].iri),
        'dct:description': tx(b.description),
        ...(b.legitimateInterest ? { 'regula:legitimateInterest': tx(b.legitimateInterest) } : {}),
        ...(b.legalObligation ? { 'regula:legalObligation': tx(b.legalObligation.law) } : {}),
        ...(b.art9 ? { 'regula:condition': ref(ART9_TERMS[b.art9.condition].iri) } : {}),
        ...(b.citedInNotice ? { 'regula:citedInNotice': b.citedInNotice } : {}),
      })),
      'dpv:hasPersonalData': p.categories.map((c) => ref(part('data', c))),
      'regula:directMarketing': bool(p.directMarketing ?? false),
    }));
    if (r.cookies && r.cookies !== 'none') {
      for (const cat of [...new Set(r.cookies.map((c) => c.category))]) {
        purposes.push(ref(COOKIE_PURPOSE_TERMS[cat].iri));
      }
    }
    return {
      '@id': ids.register(r.id),
      '@type': 'dpv:PersonalDataHandling',
      'regula:registerId': r.id,
      'dct:title': tx(r.name),
      'dct:description': tx(r.description),
      'regula:businessFunction': tx(r.businessFunction),
      'dpv:hasDataController': ref(ids.controller),
      'dpv:hasPurpose': purposes,
      'dpv:hasDataSubject': r.subjects.map((s) => ({
        '@id': part('subjects', s.id),
        '@type': DATA_SUBJECT_TERMS[s.kind] ? ['dpv:DataSubject', DATA_SUBJECT_TERMS[s.kind]] : 'dpv:DataSubject',
        'regula:dataSubjectKind': s.kind,
        'dct:title': tx(s.name),
        ...(s.description ? { 'dct:description': tx(s.description) } : {}),
        'regula:mayIncludeChildren': bool(s.mayIncludeChildren ?? false),
      })),
      'dpv:hasPersonalData': r.dataCategories.map((c) => ({
        '@id': part('data', c.id),
        '@type': c.special ? 'dpv:SpecialCategoryPersonalData' : 'dpv:PersonalData',
        'dct:title': tx(c.name),
        'regula:fields': tx(c.fields),
        'regula:required': bool(c.required),
        'regula:providedBySubject': bool(c.providedBySubject),
        'dpv:hasDataSource': c.sources.map((s) => ref(part('sources', s))),
      })),
      'dpv:hasDataSource': r.sources.map((s) => ({
        '@id': part('sources', s.id),
        '@type': SOURCE_TERMS[s.kind] ? ['dpv:DataSource', SOURCE_TERMS[s.kind]] : 'dpv:DataSource',
        'regula:kind': s.kind,
        'dct:description': tx(s.description),
      })),
      'dpv:hasRecipient':
        r.recipients === 'none'
          ? []
          : r.recipients.map((x) => ({
              '@id': part('recipients', x.id),
              '@type': ['dpv:Recipient', RECIPIENT_KIND_TERMS[x.kind].iri],
              'regula:kind': x.kind,
              'dct:title': tx(x.name),
              ...(x.description ? { 'dct:description': tx(x.description) } : {}),
              ...(x.dpa !== undefined ? { 'regula:dpa': x.dpa } : {}),
              ...(x.country ? { 'regula:country': x.country } : {}),
              ...(x.categories ? { 'dpv:hasPersonalData': x.categories.map((c) => ref(part('data', c))) } : {}),
            })),
      'regula:transfer':
        r.transfers === 'none'
          ? []
          : r.transfers.map((t) => ({
              '@id': part('transfers', t.id),
              '@type': 'regula:Transfer',
              'dpv:hasRecipient': t.recipients.map((x) => ref(part('recipients', x))),
              'regula:destination': tx(t.destination),
              'regula:safeguard': t.safeguard ?? 'none',
              'dpv:hasLegalBasis': t.safeguard ? SAFEGUARD_TERMS[t.safeguard].map((s) => ref(s.iri)) : [],
              'regula:safeguardDetail': tx(t.safeguardDetail),
            })),
      'dpv:hasStorageCondition': r.retention.map((rule) => retention(r, rule)),
      'dpv:hasTechnicalOrganisationalMeasure': r.security.map((m) => ({
        '@id': part('measures', m.id),
        '@type': m.type === 'technical' ? 'dpv:TechnicalMeasure' : 'dpv:OrganisationalMeasure',
        'regula:control': m.control,
        'dct:description': tx(m.description),
      })),
      ...(processing.length ? { 'dpv:hasProcessing': processing.map(ref) } : {}),
      'regula:automatedDecisions': {
        '@id': part('automated-decisions', 'statement'),
        'regula:profiling': r.automatedDecisions.profiling,
        'regula:automatedDecisions': r.automatedDecisions.automatedDecisions,
        'regula:significantEffects': r.automatedDecisions.significantEffects,
        ...(r.automatedDecisions.logic ? { 'regula:logic': tx(r.automatedDecisions.logic) } : {}),
      },
      ...(r.cookies && r.cookies !== 'none'
        ? {
            'regula:cookie': r.cookies.map((c) => ({
              '@id': part('cookies', `${c.provider}:${c.name}`),
              'dpv:hasName': c.name,
              'regula:provider': c.provider,
              'regula:firstParty': c.firstParty,
              'regula:cookieCategory': c.category,
              'dpv:hasPurpose': ref(COOKIE_PURPOSE_TERMS[c.category].iri),
              'dct:description': tx(c.purpose),
              'regula:expiry': c.expiry === 'session' ? 'session' : { '@value': isoDuration(c.expiry), '@type': 'xsd:duration' },
              'regula:consentBasis': c.basis,
              'regula:storage': c.storage ?? 'cookie',
            })),
          }
        : {}),
      'regula:location': tx(r.location),
      'regula:dpia': {
        '@id': part('dpia', 'statement'),
        'regula:dpiaRequired': r.dpia.required,
        'regula:dpiaStatus': r.dpia.status,
        'dct:description': tx(r.dpia.reason),
      },
    };
  };

  const document: Node = {
    '@id': ids.document,
    '@type': 'regula:PrivacyPolicyVersion',
    'dct:language': lang,
    ...(opts.version ? { 'regula:version': opts.version } : {}),
    ...(opts.validFrom ? { 'regula:validFrom': { '@value': opts.validFrom, '@type': /^\d{4}-\d{2}-\d{2}$/.test(opts.validFrom) ? 'xsd:date' : 'xsd:dateTime' } } : {}),
    'dpv:hasDataController': ref(ids.controller),
    'dct:hasPart': def.registers.map((r) => ref(ids.register(r.id))),
  };

  return {
    '@context': dpvContext(),
    '@graph': [document, controller, authorityNode, ...vocabNodes, ...def.registers.map(handling)],
  };
}
