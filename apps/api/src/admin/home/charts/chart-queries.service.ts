import { Injectable } from '@nestjs/common';
import { TenantDb } from '@regula/platform';
import type { CompletedRow, ErasureRow, RequestCountRow } from './chart-figures';

/** The first instant of the month 11 months before `now`'s month, in the time zone ($2 = now, $3 = zone). */
const SINCE = `((date_trunc('month', $2::timestamptz AT TIME ZONE $3) - interval '11 months') AT TIME ZONE $3)`;
/** The month 'YYYY-MM' of a timestamptz column in the zone ($3). */
const month = (column: string) => `to_char(${column} AT TIME ZONE $3, 'YYYY-MM')`;

/**
 * The SQL behind the home page's charts: the tenant's last 12 months (the
 * current one included), months in the controller's time zone. Each query
 * runs scoped to the tenant (row-level security) and names it as well.
 */
@Injectable()
export class ChartQueries {
  constructor(private readonly db: TenantDb) {}

  /** Requests received per month and type. */
  requestsPerMonth(tenantId: string, timeZone: string, now: Date): Promise<RequestCountRow[]> {
    return this.db.forTenant(tenantId, async (em) => {
      const rows: { month: string; type: string; count: number }[] = await em.query(
        `SELECT ${month('received_at')} AS month, type, count(*)::int AS count
           FROM rights_requests WHERE tenant_id = $1 AND received_at >= ${SINCE} AND received_at <= $2
          GROUP BY 1, 2`,
        [tenantId, now, timeZone],
      );
      return rows;
    });
  }

  /** Completed requests by month of completion: on time (by the due date in force) and days to answer. */
  completedPerMonth(tenantId: string, timeZone: string, now: Date): Promise<CompletedRow[]> {
    return this.db.forTenant(tenantId, async (em) => {
      const rows: { month: string; on_time: boolean; days: number }[] = await em.query(
        `SELECT ${month('closed_at')} AS month, closed_at <= due_at AS on_time,
                (extract(epoch FROM closed_at - received_at) / 86400)::float8 AS days
           FROM rights_requests
          WHERE tenant_id = $1 AND state = 'completed' AND closed_at >= ${SINCE} AND closed_at <= $2`,
        [tenantId, now, timeZone],
      );
      return rows.map((r) => ({ month: r.month, onTime: r.on_time, days: Number(r.days) }));
    });
  }

  /** Records erased by retention runs, per month of the run's start (the runs' per-register counts). */
  erasuresPerMonth(tenantId: string, timeZone: string, now: Date): Promise<ErasureRow[]> {
    return this.db.forTenant(tenantId, async (em) => {
      const rows: { month: string; erased: number }[] = await em.query(
        `SELECT ${month('r.started_at')} AS month, sum(c.erased)::int AS erased
           FROM retention_run_counts c JOIN retention_runs r ON r.id = c.run_id AND r.tenant_id = c.tenant_id
          WHERE r.tenant_id = $1 AND r.started_at >= ${SINCE} AND r.started_at <= $2
          GROUP BY 1`,
        [tenantId, now, timeZone],
      );
      return rows;
    });
  }
}
