import { Injectable, NotFoundException } from '@nestjs/common';
import { AuditEntryEntity, AuditVerifier, ChainVerdict } from '@regula/audit';
import { endOfLocalDay, parseLocalDate, startOfLocalDay } from '@regula/engine';
import { TenantDb } from '@regula/platform';
import { AuditFilters, likeLiteral } from './audit-log.query';

export interface AuditEntryCheck {
  entry: AuditEntryEntity;
  /** The entry's stored hash equals the HMAC of its content under its key (the SHA-256 for an entry from before the chain was keyed). */
  hashMatches: boolean;
  /** Its previous hash equals the stored hash of the entry before it (or the genesis hash for #1). */
  linksToPrevious: boolean;
  previousSeq: number | null;
  nextSeq: number | null;
}

/**
 * The audit log for the dashboard: the tenant's entries newest first with
 * filters and paging, one entry with its own checks, and the chain verified
 * from its newest signed checkpoint (AuditVerifier): what a view reads does
 * not grow with the chain; the whole chain is verified by the daily job and
 * the REST API's /audit/verify.
 */
@Injectable()
export class AuditLogPages {
  constructor(private readonly db: TenantDb, private readonly verifier: AuditVerifier) {}

  verify(tenantId: string): Promise<ChainVerdict> {
    return this.db.forTenant(tenantId, (em) => this.verifier.verify(em, tenantId, 'checkpoint'));
  }

  page(tenantId: string, timeZone: string, f: AuditFilters, pageSize: number): Promise<{ items: AuditEntryEntity[]; total: number }> {
    return this.db.forTenant(tenantId, async (em) => {
      const qb = em.createQueryBuilder(AuditEntryEntity, 'a').where('a.tenant_id = :tenantId', { tenantId });
      if (f.action) qb.andWhere(`a.action LIKE :action ESCAPE '\\'`, { action: `${likeLiteral(f.action)}%` });
      if (f.actor) qb.andWhere(`a.actor ILIKE :actor ESCAPE '\\'`, { actor: `%${likeLiteral(f.actor)}%` });
      if (f.from) qb.andWhere('a.at >= :from', { from: startOfLocalDay(parseLocalDate(f.from), timeZone) });
      if (f.to) qb.andWhere('a.at <= :to', { to: endOfLocalDay(parseLocalDate(f.to), timeZone) });
      const [items, total] = await qb.orderBy('a.seq', 'DESC').skip((f.page - 1) * pageSize).take(pageSize).getManyAndCount();
      return { items, total };
    });
  }

  entry(tenantId: string, seq: number): Promise<AuditEntryCheck> {
    return this.db.forTenant(tenantId, async (em) => {
      const rows = await em
        .createQueryBuilder(AuditEntryEntity, 'a')
        .where('a.tenant_id = :tenantId AND a.seq BETWEEN :lo AND :hi', { tenantId, lo: seq - 1, hi: seq + 1 })
        .orderBy('a.seq', 'ASC')
        .getMany();
      const entry = rows.find((r) => Number(r.seq) === seq);
      if (!entry) throw new NotFoundException();
      const prev = rows.find((r) => Number(r.seq) === seq - 1);
      const next = rows.find((r) => Number(r.seq) === seq + 1);
      const hashMatches = this.verifier.entryMatches(entry);
      const linksToPrevious = seq === 1 ? /^0{64}$/.test(entry.prevHash) : !!prev && prev.hash === entry.prevHash;
      return { entry, hashMatches, linksToPrevious, previousSeq: prev ? seq - 1 : null, nextSeq: next ? seq + 1 : null };
    });
  }
}
