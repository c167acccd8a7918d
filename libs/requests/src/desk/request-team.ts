import type { EntityManager } from 'typeorm';

/** A member of the tenant who may handle requests. */
export interface TeamMember {
  userId: string;
  name: string;
  email: string;
}

/**
 * Who may handle a tenant's requests: members with a staff role that acts on
 * requests (compliance admins; auditors are read-only), whose access has not
 * ended and whose account is not disabled. Read in the tenant's transaction:
 * `memberships` is tenant-scoped (RLS), `users` is read by id only. `now`
 * is the caller's CLOCK (whose access has ended is decided on it).
 */
export async function teamMembers(em: EntityManager, tenantId: string, now: Date): Promise<TeamMember[]> {
  const rows: { user_id: string; display_name: string; email: string }[] = await em.query(
    `SELECT m.user_id, u.display_name, u.email FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.tenant_id = $1 AND m.role = 'compliance-admin' AND (m.access_until IS NULL OR m.access_until > $2) AND u.disabled_at IS NULL
      ORDER BY lower(u.display_name), u.email`,
    [tenantId, now],
  );
  return rows.map((r) => ({ userId: r.user_id, name: r.display_name || r.email, email: r.email }));
}

/** Display names of the given users (any member, past or present), by id: for the handler column and the timeline. */
export async function namesOf(em: EntityManager, userIds: (string | null | undefined)[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds.filter((x): x is string => !!x))];
  if (!ids.length) return new Map();
  const rows: { id: string; display_name: string; email: string }[] = await em.query(`SELECT id, display_name, email FROM users WHERE id = ANY($1::uuid[])`, [ids]);
  return new Map(rows.map((r) => [r.id, r.display_name || r.email]));
}

/** Display names of staff by the e-mail the timeline records as actor. */
export async function namesByEmail(em: EntityManager, tenantId: string, emails: string[]): Promise<Map<string, string>> {
  const list = [...new Set(emails.filter((e) => e.includes('@')).map((e) => e.toLowerCase()))];
  if (!list.length) return new Map();
  const rows: { email: string; display_name: string }[] = await em.query(
    `SELECT u.email, u.display_name FROM users u WHERE lower(u.email) = ANY($1::text[])
       AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.tenant_id = $2)`,
    [list, tenantId],
  );
  return new Map(rows.filter((r) => r.display_name).map((r) => [r.email.toLowerCase(), r.display_name]));
}
