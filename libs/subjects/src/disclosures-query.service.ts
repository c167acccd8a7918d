import { Injectable } from '@nestjs/common';
import { Page, PageRequest, pageWindow, readPage, SqlFilter, TenantDb } from '@regula/platform';
import { subjectEmailColumn } from './subject-email.sql';

export interface DisclosureFilter extends PageRequest {
  recipientId?: string;
  /** Disclosed at or after this instant. */
  from?: Date;
  /** Disclosed at or before this instant. */
  to?: Date;
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

  list(tenantId: string, f: DisclosureFilter = {}): Promise<Page<DisclosureListItem>> {
    const filter = new SqlFilter([tenantId], 'd.tenant_id = $1')
      .where(f.recipientId, (p) => `d.recipient_id = ${p}`)
      .where(f.from, (p) => `d.disclosed_at >= ${p}`)
      .where(f.to, (p) => `d.disclosed_at <= ${p}`);
    return this.db.forTenant(tenantId, (em) =>
      readPage(
        em,
        filter,
        pageWindow(f, 50, 200),
        {
          count: `SELECT count(*)::int AS total FROM disclosures d WHERE ${filter.sql}`,
          rows: `SELECT d.id, d.subject_id, d.register_key, d.recipient_id, d.recipient_name, d.categories, d.disclosed_at, d.via, d.legal_basis,
                ${subjectEmailColumn('d')}
           FROM disclosures d WHERE ${filter.sql}
          ORDER BY d.disclosed_at DESC, d.id`,
        },
        (r) => ({
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
        }),
      ),
    );
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
