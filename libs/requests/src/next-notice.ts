import { EntityManager } from 'typeorm';

/**
 * `rights_requests.next_notice_at`, the instant the SLA sweep (libs/sla) must
 * next look at a request. libs/requests owns the column: a change that may
 * move the SLA plan sets it to `-infinity` ("plan again") in the transaction
 * of the change, so no commit can leave a later instant than the truth
 * behind; libs/sla, which alone knows the plan, writes the exact instant
 * through `setNextNoticeAt` under the request's row lock.
 */
export async function markNoticesToReplan(em: EntityManager, tenantId: string, requestId: string): Promise<void> {
  await em.query(`UPDATE rights_requests SET next_notice_at = '-infinity' WHERE tenant_id = $1 AND id = $2`, [tenantId, requestId]);
}

/** The next SLA notice of a request (null: nothing planned). The caller holds the request's row lock. */
export async function setNextNoticeAt(em: EntityManager, tenantId: string, requestId: string, at: Date | null): Promise<void> {
  await em.query(`UPDATE rights_requests SET next_notice_at = $3 WHERE tenant_id = $1 AND id = $2`, [tenantId, requestId, at]);
}

/**
 * The requests of a tenant with a notice due by `now`, earliest first, at most
 * `limit`, leaving out `skip`: an index range scan of `rights_requests_next_notice`,
 * whatever the number of open requests.
 */
export async function requestsWithNoticeDue(em: EntityManager, tenantId: string, now: Date, limit: number, skip: string[] = []): Promise<string[]> {
  const rows: { id: string }[] = await em.query(
    `SELECT id FROM rights_requests WHERE tenant_id = $1 AND next_notice_at <= $2 AND NOT (id = ANY($3::uuid[]))
      ORDER BY next_notice_at LIMIT $4`,
    [tenantId, now, skip, limit],
  );
  return rows.map((r) => r.id);
}
