import { Injectable, NotFoundException } from '@nestjs/common';
import { AuditEntryEntity, AuditVerifier, ChainVerdict, isAuditAction } from '@regula/audit';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { endOfLocalDay, parseLocalDate, startOfLocalDay } from '@regula/engine';
import { TenantDb } from '@regula/platform';
import { AuditFilters, likeLiteral } from './audit-log.query';
import { ACTOR_KINDS, ActorKindFilter, actorKindSql } from './audit-people';

/** Rows an export reads per query (newest first, by seq). */
const EXPORT_BATCH = 1000;

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
      const [items, total] = await this.filtered(em, tenantId, timeZone, f).orderBy('a.seq', 'DESC').skip((f.page - 1) * pageSize).take(pageSize).getManyAndCount();
      return { items, total };
    });
  }

  /** Every entry the filters select, newest first, in batches (an export); `use` reads each batch in the same transaction. */
  forEachFiltered(tenantId: string, timeZone: string, f: AuditFilters, use: (em: EntityManager, batch: AuditEntryEntity[]) => Promise<void>): Promise<void> {
    return this.db.forTenant(tenantId, async (em) => {
      let below: string | undefined;
      for (;;) {
        const qb = this.filtered(em, tenantId, timeZone, f);
        if (below) qb.andWhere('a.seq < :below', { below });
        const batch = await qb.orderBy('a.seq', 'DESC').take(EXPORT_BATCH).getMany();
        if (batch.length) await use(em, batch);
        if (batch.length < EXPORT_BATCH) return;
        below = batch[batch.length - 1].seq;
      }
    });
  }

  private filtered(em: EntityManager, tenantId: string, timeZone: string, f: AuditFilters): SelectQueryBuilder<AuditEntryEntity> {
    const qb = em.createQueryBuilder(AuditEntryEntity, 'a').where('a.tenant_id = :tenantId', { tenantId });
    if (f.action && isAuditAction(f.action)) qb.andWhere('a.action = :action', { action: f.action });
    else if (f.action) qb.andWhere(`a.action LIKE :action ESCAPE '\\'`, { action: `${likeLiteral(f.action)}%` });
    const kind = f.actor?.startsWith('kind:') ? f.actor.slice(5) : undefined;
    if (kind && (ACTOR_KINDS as readonly string[]).includes(kind)) qb.andWhere(actorKindSql(kind as ActorKindFilter));
    else if (f.actor) {
      qb.andWhere(
        `(a.actor ILIKE :actor ESCAPE '\\' OR a.actor_id IN (SELECT u.id FROM users u WHERE u.email ILIKE :actor ESCAPE '\\' OR u.display_name ILIKE :actor ESCAPE '\\'))`,
        { actor: `%${likeLiteral(f.actor)}%` },
      );
    }
    if (f.from) qb.andWhere('a.at >= :from', { from: startOfLocalDay(parseLocalDate(f.from), timeZone) });
    if (f.to) qb.andWhere('a.at <= :to', { to: endOfLocalDay(parseLocalDate(f.to), timeZone) });
    return qb;
  }

  /** Runs `read` in the tenant's transaction (the names and objects of a page's entries). */
  read<R>(tenantId: string, read: (em: EntityManager) => Promise<R>): Promise<R> {
    return this.db.forTenant(tenantId, read);
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
