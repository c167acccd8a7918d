import { Injectable } from '@nestjs/common';
import { TenantDb } from '@regula/platform';

export interface DisclosureFilter {
  recipientId?: string;
  /** Disclosed at or after this instant. */
  from?: Date;
  /** Disclosed at or before this instant. */
  to?: Date;
  page?: number;
  pageSize?: number;
}

export interface DisclosureListItem {
  id: string;
  subjectId: string;
  /** The subject's e-mail address (the caller masks it for display), or null. */
  email: string | null;
  registerKey: string;
  recipientId: string;
  recipientName: string;
  categories: string[];
  disclosedAt: Date;
  via: string;
  legalBasis: string | null;
}

/** Reads of a tenant's disclosure log for the dashboard: newest first, by recipient and period, paged. */
@Injectable()
export class DisclosuresQueryService {
  constructor(private readonly db: TenantDb) {}

  list(tenantId: string, f: DisclosureFilter = {}): Promise<{ items: DisclosureListItem[]; total: number; page: number; pageSize: number }> {
    const page = Math.max(1, Math.floor(f.page ?? 1));
    const pageSize = Math.min(200, Math.max(1, Math.floor(f.pageSize ?? 50)));
    const where = ['d.tenant_id = $1'];
    const params: unknown[] = [tenantId];
    if (f.recipientId) where.push(`d.recipient_id = $${params.push(f.recipientId)}`);
    if (f.from) where.push(`d.disclosed_at >= $${params.push(f.from)}`);
    if (f.to) where.push(`d.disclosed_at <= $${params.push(f.to)}`);
    return this.db.forTenant(tenantId, async (em) => {
      const [{ total }]: { total: number }[] = await em.query(`SELECT count(*)::int AS total FROM disclosures d WHERE ${where.join(' AND ')}`, params);
      const rows: Record<string, unknown>[] = await em.query(
        `SELECT d.id, d.subject_id, d.register_key, d.recipient_id, d.recipient_name, d.categories, d.disclosed_at, d.via, d.legal_basis,
                (SELECT i.value FROM subject_identifiers i WHERE i.tenant_id = d.tenant_id AND i.subject_id = d.subject_id AND i.kind = 'email' ORDER BY i.value LIMIT 1) AS email
           FROM disclosures d WHERE ${where.join(' AND ')}
          ORDER BY d.disclosed_at DESC, d.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, pageSize, (page - 1) * pageSize],
      );
      return {
        items: rows.map((r) => ({
          id: r.id as string,
          subjectId: r.subject_id as string,
          email: (r.email as string | null) ?? null,
          registerKey: r.register_key as string,
          recipientId: r.recipient_id as string,
          recipientName: r.recipient_name as string,
          categories: (r.categories as string[]) ?? [],
          disclosedAt: r.disclosed_at as Date,
          via: r.via as string,
          legalBasis: (r.legal_basis as string | null) ?? null,
        })),
        total,
        page,
        pageSize,
      };
    });
  }

  /** The recipients the log names, for the filter. */
  recipients(tenantId: string): Promise<{ id: string; name: string; count: number }[]> {
    return this.db.forTenant(tenantId, async (em) => {
      const rows: { recipient_id: string; name: string; count: number }[] = await em.query(
        `SELECT recipient_id, min(recipient_name) AS name, count(*)::int AS count FROM disclosures WHERE tenant_id = $1 GROUP BY 1 ORDER BY 2, 1`,
        [tenantId],
      );
      return rows.map((r) => ({ id: r.recipient_id, name: r.name, count: r.count }));
    });
  }
}
