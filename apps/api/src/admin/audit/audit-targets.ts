import type { EntityManager } from 'typeorm';
import type { AuditEntryEntity } from '@regula/audit';
import { resolveText } from '@regula/engine';
import type { Lang, Text } from '@regula/engine';
import type { Permission } from '@regula/auth';
import { peopleById, personText } from './audit-people';

type T = (key: string, vars?: Record<string, unknown>) => string;

/** What an entry is about, in words, linked to its page where there is one the reader may open. */
export interface TargetRef {
  text: string;
  href?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuids = (xs: (string | null | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x && UUID.test(x)))];

interface Lookups {
  requests: Map<string, string>;
  breaches: Map<string, { reference: string; title: string }>;
  registersById: Map<string, { key: string; name: string }>;
  registersByKey: Map<string, string>;
  policies: Map<string, number | null>;
  people: Map<string, { name: string; email: string }>;
  systems: Map<string, string>;
}

/**
 * Reads, in one query per kind, what the page needs to name the entries'
 * objects: a request's reference, a breach's reference and title, a register's
 * name (its newest version, in the page's language), a policy version's number,
 * a member's name, a source system's name. Read in the tenant's transaction (RLS).
 */
async function lookups(em: EntityManager, tenantId: string, entries: AuditEntryEntity[], lang: Lang): Promise<Lookups> {
  const of = (...types: string[]) => entries.filter((e) => e.targetType && types.includes(e.targetType));
  const q = async <R>(ids: string[], sql: string): Promise<R[]> => (ids.length ? em.query(sql, [tenantId, ids]) : []);
  const requestIds = uuids(of('rights-request', 'request').filter((e) => !str(e.details?.reference)).map((e) => e.targetId));
  const registerKeys = [...new Set(entries.map((e) => str(e.details?.register)).filter((x): x is string => !!x))];
  const [requests, breaches, registers, policies, systems] = await Promise.all([
    q<{ id: string; reference: string }>(requestIds, `SELECT id, reference FROM rights_requests WHERE tenant_id = $1 AND id = ANY($2::uuid[])`),
    q<{ id: string; reference: string; title: string }>(uuids(of('breach').map((e) => e.targetId)), `SELECT id, reference, title FROM breaches WHERE tenant_id = $1 AND id = ANY($2::uuid[])`),
    uuids(of('register').map((e) => e.targetId)).length || registerKeys.length
      ? em.query(
          `SELECT r.id, r.key, v.definition -> 'name' AS name FROM registers r
             LEFT JOIN LATERAL (SELECT definition FROM register_versions rv WHERE rv.register_id = r.id ORDER BY rv.version DESC LIMIT 1) v ON true
            WHERE r.tenant_id = $1 AND (r.id = ANY($2::uuid[]) OR r.key = ANY($3::text[]))`,
          [tenantId, uuids(of('register').map((e) => e.targetId)), registerKeys],
        )
      : Promise.resolve([]),
    q<{ id: string; number: number | null }>(uuids(of('policy-version').map((e) => e.targetId)), `SELECT id, number FROM policy_versions WHERE tenant_id = $1 AND id = ANY($2::uuid[])`),
    q<{ id: string; name: string }>(uuids(of('source-system').map((e) => e.targetId)), `SELECT id, name FROM source_systems WHERE tenant_id = $1 AND id = ANY($2::uuid[])`),
  ]);
  const people = await peopleById(em, [...of('user').map((e) => e.targetId), ...of('membership').map((e) => str(e.details?.userId))]);
  const nameOf = (r: { key: string; name: unknown }) => {
    const n = r.name as Text | null;
    return n && typeof n === 'object' && typeof (n as Record<string, unknown>).en === 'string' ? resolveText(n, lang).text : r.key;
  };
  return {
    requests: new Map(requests.map((r) => [r.id, r.reference])),
    breaches: new Map(breaches.map((b) => [b.id, { reference: b.reference, title: b.title }])),
    registersById: new Map((registers as { id: string; key: string; name: unknown }[]).map((r) => [r.id, { key: r.key, name: nameOf(r) }])),
    registersByKey: new Map((registers as { id: string; key: string; name: unknown }[]).map((r) => [r.key, nameOf(r)])),
    policies: new Map(policies.map((p) => [p.id, p.number])),
    people,
    systems: new Map(systems.map((s) => [s.id, s.name])),
  };
}

function targetOf(e: AuditEntryEntity, l: Lookups, base: string, permissions: readonly Permission[], t: T): TargetRef | undefined {
  const d = e.details ?? {};
  const id = e.targetId ?? '';
  // A record import (its held file, recorded against the registers): the file by name, linked to its preview while held.
  if (e.action === 'registers.import-held' || e.action === 'registers.imported') {
    const sha = str(d.sha256);
    const name = str(d.fileName);
    return { text: name ? t('audit.object.importFile', { name }) : t('audit.object.import'), href: sha && /^[0-9a-f]{64}$/.test(sha) ? `${base}/record-import/${sha}` : `${base}/record-import` };
  }
  switch (e.targetType) {
    case 'rights-request':
    case 'request': {
      const ref = str(d.reference) ?? l.requests.get(id);
      return ref ? { text: t('audit.object.request', { reference: ref }), href: `${base}/requests/${encodeURIComponent(ref)}` } : { text: t('audit.object.requestGone') };
    }
    case 'breach': {
      const b = l.breaches.get(id);
      const ref = b?.reference ?? str(d.reference);
      if (!ref) return { text: t('audit.object.breachGone') };
      return { text: b ? t('audit.object.breach', { reference: ref, title: b.title }) : t('audit.object.breachRef', { reference: ref }), href: b ? `${base}/breaches/${id}` : undefined };
    }
    case 'register': {
      const r = l.registersById.get(id);
      const key = r?.key ?? str(d.key);
      const name = r?.name ?? key;
      return name ? { text: t('audit.object.register', { name }), href: key ? `${base}/registers/${encodeURIComponent(key)}` : undefined } : { text: t('audit.object.registerGone') };
    }
    case 'record': {
      const key = str(d.register);
      return { text: key ? t('audit.object.record', { register: l.registersByKey.get(key) ?? key }) : t('audit.object.recordNoRegister'), href: `${base}/retention` };
    }
    case 'policy-version': {
      const n = l.policies.get(id) ?? (typeof d.number === 'number' ? d.number : null);
      return { text: n ? t('audit.object.policy', { number: n }) : t('audit.object.policyDraft'), href: `${base}/policies` };
    }
    case 'user':
    case 'membership': {
      const userId = e.targetType === 'user' ? id : str(d.userId);
      const p = userId ? l.people.get(userId) : undefined;
      const text = p ? personText(p) : (str(d.email) ?? t('audit.object.memberGone'));
      return { text, href: p && userId && permissions.includes('users:manage') ? `${base}/users/${userId}` : undefined };
    }
    case 'source-system': {
      const name = l.systems.get(id) ?? str(d.system);
      return { text: name ? t('audit.object.system', { name }) : t('audit.object.systemGone') };
    }
    case 'retention-run':
      return { text: t('audit.object.retentionRun'), href: UUID.test(id) ? `${base}/retention/runs/${id}` : `${base}/retention` };
    case 'export':
      return { text: t('audit.object.export', { name: str(d.fileName) ?? id }), href: `${base}/exports` };
    case 'consent':
      return { text: t('audit.object.consent'), href: `${base}/consents` };
    case 'fact':
      return { text: t('audit.object.fact'), href: `${base}/facts` };
    case 'outbox-email':
      return { text: t('audit.object.email'), href: permissions.includes('outbox:read') && UUID.test(id) ? `${base}/outbox/${id}` : undefined };
    case 'outbox':
      return { text: t('audit.object.outbox'), href: permissions.includes('outbox:read') ? `${base}/outbox` : undefined };
    case 'webhook-delivery':
      return { text: t('audit.object.webhook') };
    case 'tenant':
      return { text: t('audit.object.controller'), href: `${base}/controller` };
    case null:
    case undefined:
      return undefined;
    default:
      return { text: t('audit.object.other') };
  }
}

/** Each entry's object in words (by the entry's seq). */
export async function targetsOf(em: EntityManager, tenantId: string, entries: AuditEntryEntity[], lang: Lang, base: string, permissions: readonly Permission[], t: T): Promise<Map<string, TargetRef | undefined>> {
  const l = await lookups(em, tenantId, entries, lang);
  return new Map(entries.map((e) => [String(e.seq), targetOf(e, l, base, permissions, t)]));
}
