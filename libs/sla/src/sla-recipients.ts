import { EntityManager } from 'typeorm';

export interface SlaRecipient {
  email: string;
  name: string;
}

/** The tenant's compliance admins (memberships with role compliance-admin, users not disabled, access not expired). */
export async function complianceAdmins(em: EntityManager, tenantId: string, now: Date): Promise<SlaRecipient[]> {
  const rows: { email: string; name: string }[] = await em.query(
    `SELECT u.email, u.display_name AS name FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.tenant_id = $1 AND m.role = 'compliance-admin' AND u.disabled_at IS NULL
        AND (m.access_until IS NULL OR m.access_until > $2)
      ORDER BY u.email`,
    [tenantId, now],
  );
  return rows;
}
