/**
 * The registers behind a policy version as plain JSON (`privacy.json`): the
 * same content as `controllerToJsonLd`, without a context, with each legal
 * basis, right, safeguard and recipient kind carrying its DPV term as a full IRI.
 */
import { ControllerDefinition } from '../schema/controller';
import { Register } from '../schema/register';
import { RetentionRule, Duration } from '../schema/retention';
import { Text } from '../schema/text';
import {
  ART9_TERMS,
  COOKIE_PURPOSE_TERMS,
  LEGAL_BASIS_TERMS,
  RECIPIENT_KIND_TERMS,
  RIGHT_TERMS,
  SAFEGUARD_TERMS,
  expandIri,
} from './dpv-terms';
import { DpvExportOptions, dpvExportIds, localisedText } from './ids';

/** ISO 8601 duration (`P10Y2M`, `PT12H`) of an engine duration. */
export function isoDuration(d: Duration): string {
  const date = `${d.years ? `${d.years}Y` : ''}${d.months ? `${d.months}M` : ''}${d.days ? `${d.days}D` : ''}`;
  const time = `${d.hours ? `${d.hours}H` : ''}${d.minutes ? `${d.minutes}M` : ''}`;
  const s = `P${date}${time ? `T${time}` : ''}`;
  return s === 'P' ? 'P0D' : s;
}

/** The machine-enforceable part of a retention rule. */
export function retentionMachineRule(rule: RetentionRule) {
  switch (rule.kind) {
    case 'period':
      return { kind: rule.kind, anchor: rule.anchor, period: isoDuration(rule.period), action: rule.action };
    case 'conditions':
      return {
        kind: rule.kind,
        conditions: rule.conditions.map((c) => ({
          id: c.id,
          endsAt: c.endsAt,
          ...(c.plus ? { plus: isoDuration(c.plus) } : {}),
        })),
        then: isoDuration(rule.then),
        action: rule.action,
      };
    case 'as-long-as-necessary':
      return { kind: rule.kind, action: rule.action };
  }
}

export function controllerToJson(def: ControllerDefinition, opts: DpvExportOptions) {
  const { lang } = opts;
  const ids = dpvExportIds(def.slug, opts);
  const tx = (t: Text | undefined) => (t ? localisedText(t, lang).value : undefined);
  const a = def.jurisdiction.authority;

  const register = (r: Register) => {
    const part = (kind: string, id: string) => ids.part(r.id, kind, id);
    return {
      id: r.id,
      iri: ids.register(r.id),
      name: tx(r.name),
      businessFunction: tx(r.businessFunction),
      description: tx(r.description),
      purposes: r.purposes.map((p) => ({
        id: p.id,
        iri: part('purposes', p.id),
        name: tx(p.name),
        description: tx(p.description),
        directMarketing: p.directMarketing ?? false,
        categories: p.categories,
        legalBases: p.legalBases.map((b) => ({
          article: b.article,
          iri: expandIri(LEGAL_BASIS_TERMS[b.article].iri),
          description: tx(b.description),
          ...(b.legitimateInterest ? { legitimateInterest: tx(b.legitimateInterest) } : {}),
          ...(b.legalObligation ? { legalObligation: tx(b.legalObligation.law) } : {}),
          ...(b.art9
            ? { art9: { condition: b.art9.condition, iri: expandIri(ART9_TERMS[b.art9.condition].iri), description: tx(b.art9.description) } }
            : {}),
        })),
      })),
      subjects: r.subjects.map((s) => ({
        id: s.id,
        iri: part('subjects', s.id),
        kind: s.kind,
        name: tx(s.name),
        description: tx(s.description),
        mayIncludeChildren: s.mayIncludeChildren ?? false,
      })),
      dataCategories: r.dataCategories.map((c) => ({
        id: c.id,
        iri: part('data', c.id),
        name: tx(c.name),
        fields: tx(c.fields),
        required: c.required,
        special: c.special ?? false,
        providedBySubject: c.providedBySubject,
        sources: c.sources,
      })),
      sources: r.sources.map((s) => ({ id: s.id, iri: part('sources', s.id), kind: s.kind, description: tx(s.description) })),
      recipients:
        r.recipients === 'none'
          ? ('none' as const)
          : r.recipients.map((x) => ({
              id: x.id,
              iri: part('recipients', x.id),
              kind: x.kind,
              kindIri: expandIri(RECIPIENT_KIND_TERMS[x.kind].iri),
              name: tx(x.name),
              description: tx(x.description),
              dpa: x.dpa,
              country: x.country,
              categories: x.categories,
            })),
      transfers:
        r.transfers === 'none'
          ? ('none' as const)
          : r.transfers.map((t) => ({
              id: t.id,
              iri: part('transfers', t.id),
              recipients: t.recipients,
              destination: tx(t.destination),
              safeguard: t.safeguard,
              safeguardIris: t.safeguard ? SAFEGUARD_TERMS[t.safeguard].map((s) => expandIri(s.iri)) : [],
              safeguardDetail: tx(t.safeguardDetail),
            })),
      retention: r.retention.map((rule) => ({
        id: rule.id,
        iri: part('retention', rule.id),
        categories: rule.categories,
        description: tx(rule.description),
        rule: retentionMachineRule(rule),
      })),
      security: r.security.map((m) => ({
        id: m.id,
        iri: part('measures', m.id),
        type: m.type,
        control: m.control,
        description: tx(m.description),
      })),
      automatedDecisions: {
        profiling: r.automatedDecisions.profiling,
        automatedDecisions: r.automatedDecisions.automatedDecisions,
        significantEffects: r.automatedDecisions.significantEffects,
        logic: tx(r.automatedDecisions.logic),
      },
      cookies:
        r.cookies === undefined || r.cookies === 'none'
          ? r.cookies
          : r.cookies.map((c) => ({
              name: c.name,
              provider: c.provider,
              firstParty: c.firstParty,
              category: c.category,
              purposeIri: expandIri(COOKIE_PURPOSE_TERMS[c.category].iri),
              purpose: tx(c.purpose),
              expiry: c.expiry === 'session' ? 'session' : isoDuration(c.expiry),
              basis: c.basis,
              storage: c.storage ?? 'cookie',
            })),
      location: tx(r.location),
      dpia: { required: r.dpia.required, status: r.dpia.status, reason: tx(r.dpia.reason) },
    };
  };

  return {
    iri: ids.document,
    lang,
    ...(opts.version ? { version: opts.version } : {}),
    ...(opts.validFrom ? { validFrom: opts.validFrom } : {}),
    controller: {
      iri: ids.controller,
      slug: def.slug,
      legalName: def.legalName,
      brand: def.brand,
      registryCode: def.registryCode,
      registryName: tx(def.registryName),
      vatNumber: def.vatNumber,
      legalAddress: def.legalAddress,
      contact: { email: def.contact.email, phone: def.contact.phone, web: def.contact.web },
      dpo:
        def.dpo === 'none'
          ? ('none' as const)
          : { name: def.dpo.name, title: tx(def.dpo.title), email: def.dpo.email, phone: def.dpo.phone },
      representative: def.representative ? { name: def.representative.name, contact: def.representative.contact } : undefined,
    },
    authority: {
      iri: ids.authority(a.country),
      country: a.country,
      name: a.name,
      nameEn: a.nameEn,
      address: a.address,
      phone: a.phone,
      email: a.email,
      web: a.web,
    },
    rights: def.rights.map((r) => ({
      right: r.right,
      iri: expandIri(RIGHT_TERMS[r.right].iri),
      ...(RIGHT_TERMS[r.right].broader ? { broader: expandIri(RIGHT_TERMS[r.right].broader!) } : {}),
      description: tx(r.description),
      conditions: tx(r.conditions),
    })),
    registers: def.registers.map(register),
  };
}

export type PrivacyJson = ReturnType<typeof controllerToJson>;
