import type { EntityManager } from 'typeorm';
import type { AuditEntryEntity } from '@regula/audit';

/**
 * Who an entry's actor is, in words: a member (or a platform admin) by name and
 * e-mail address, read from `users` by the entry's actor id; otherwise the kind of
 * actor the label says (the data subject, the system's jobs, the platform's
 * command line), never an id. An entry without an actor id whose label is an
 * e-mail address (a failed sign-in: the address typed) shows the address.
 */
export type ActorKind = 'member' | 'subject' | 'system' | 'platform' | 'typed';
export const ACTOR_KINDS = ['subject', 'system', 'platform'] as const;
export type ActorKindFilter = (typeof ACTOR_KINDS)[number];

/** The labels the data subject acts under (libs/requests' SUBJECT, a public form's sign-in). */
const SUBJECT_LABELS = ['data subject', 'subject', 'anonymous'];

export interface Person {
  name: string;
  email: string;
}

export function actorKindOf(e: Pick<AuditEntryEntity, 'actorId' | 'actor'>): ActorKind {
  if (e.actorId) return 'member';
  const label = e.actor.trim().toLowerCase();
  if (SUBJECT_LABELS.includes(label)) return 'subject';
  if (label.startsWith('cli:')) return 'platform';
  if (/^[^\s@]+@[^\s@]+$/.test(label)) return 'typed';
  return 'system';
}

/** The SQL condition of an actor kind (alias `a` for audit_log). */
export function actorKindSql(kind: ActorKindFilter): string {
  const subject = `lower(a.actor) IN (${SUBJECT_LABELS.map((l) => `'${l}'`).join(', ')})`;
  if (kind === 'subject') return `(a.actor_id IS NULL AND ${subject})`;
  if (kind === 'platform') return `(a.actor_id IS NULL AND a.actor LIKE 'cli:%')`;
  return `(a.actor_id IS NULL AND NOT ${subject} AND a.actor NOT LIKE 'cli:%' AND a.actor !~ '^[^[:space:]@]+@[^[:space:]@]+$')`;
}

/** Names and e-mail addresses of users by id (members past and present, platform admins). */
export async function peopleById(em: EntityManager, ids: (string | null | undefined)[]): Promise<Map<string, Person>> {
  const list = [...new Set(ids.filter((x): x is string => !!x && /^[0-9a-f-]{36}$/i.test(x)))];
  if (!list.length) return new Map();
  const rows: { id: string; display_name: string; email: string }[] = await em.query(`SELECT id, display_name, email FROM users WHERE id = ANY($1::uuid[])`, [list]);
  return new Map(rows.map((r) => [r.id, { name: r.display_name || r.email, email: r.email }]));
}

/** "Name (e-mail)", or the e-mail address alone when it is the name. */
export function personText(p: Person): string {
  return p.name && p.name.toLowerCase() !== p.email.toLowerCase() ? `${p.name} (${p.email})` : p.email;
}

/**
 * The people who appear as actors in the tenant's log or are its members, for the
 * actor filter: by name, with their e-mail address as the filter's value.
 */
export async function actorChoices(em: EntityManager, tenantId: string): Promise<Person[]> {
  const rows: { display_name: string; email: string }[] = await em.query(
    `SELECT u.display_name, u.email FROM users u
      WHERE u.id IN (SELECT m.user_id FROM memberships m WHERE m.tenant_id = $1)
         OR u.id IN (SELECT DISTINCT a.actor_id FROM audit_log a WHERE a.tenant_id = $1 AND a.actor_id IS NOT NULL)
      ORDER BY lower(coalesce(nullif(u.display_name, ''), u.email)), u.email`,
    [tenantId],
  );
  return rows.map((r) => ({ name: r.display_name || r.email, email: r.email }));
}
