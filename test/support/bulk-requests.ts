/** Anything that runs SQL with parameters: a TypeORM DataSource, a pg Client. */
interface Sql {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export interface BulkRequests {
  /** How many requests, numbered from `first` (references `B-<first + i>`). */
  count: number;
  first?: number;
  /** The due instant of the first; each next one a day later, over `spreadDays` days (then again). */
  dueFrom: Date;
  spreadDays?: number;
  /**
   * `replan`: next_notice_at left at its default (-infinity), as a new request: the next sweep plans each.
   * `reminder-14`: set to what the SLA plan gives an unextended in-progress request with the default
   * SLA_REMINDER_DAYS and nothing sent (its 14-day reminder: the start of the day 14 days before the due day).
   */
  next: 'replan' | 'reminder-14';
}

/**
 * Open (in-progress, identity confirmed) access requests of a tenant in one
 * INSERT ... SELECT generate_series, for the SLA sweep's tests and benchmark.
 */
export async function insertOpenRequests(db: Sql, tenantId: string, o: BulkRequests): Promise<void> {
  await db.query(
    `INSERT INTO rights_requests (tenant_id, reference, type, state, requester_email, requester_name, locale, channel,
        received_at, due_at, due_date, first_due_at, identity_method, identity_verified_at, email_verified_at, status_token_hash${o.next === 'reminder-14' ? ', next_notice_at' : ''})
     SELECT $1, 'B-' || g, 'access', 'in-progress', 'bulk-' || g || '@subject.test', 'Bulk ' || g, 'en', 'web-form',
            d - interval '1 month', d, d::date, d, 'email-link', d - interval '1 month', d - interval '1 month', repeat('0', 64)
            ${o.next === 'reminder-14' ? `, d + interval '1 millisecond' - interval '15 days'` : ''}
       FROM generate_series($2::int, $2::int + $3::int - 1) g,
            LATERAL (SELECT $4::timestamptz + ((g - $2::int) % $5::int) * interval '1 day' AS d) due`,
    [tenantId, o.first ?? 1, o.count, o.dueFrom, o.spreadDays ?? 1],
  );
}
