import { DataSource } from 'typeorm';

/**
 * Forges an audit entry as the table owner, with the append-only trigger off
 * for that one transaction: `set` is the SQL SET clause (e.g.
 * `actor = 'someone else'`) for the entry `seq` of the tenant.
 */
export async function tamperAuditEntry(owner: DataSource, tenantId: string, seq: number, set: string): Promise<void> {
  await owner.transaction(async (em) => {
    await em.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    await em.query(`UPDATE audit_log SET ${set} WHERE tenant_id = $1 AND seq = $2`, [tenantId, seq]);
    await em.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
  });
}
