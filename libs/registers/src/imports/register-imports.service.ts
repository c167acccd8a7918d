import { Injectable, Optional } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import type { Register } from '@regula/engine';
import { AuditAction, AuditService } from '@regula/audit';
import { AfterCommit, ConflictError, contentHash, DEFAULT_JOB_OPTIONS, DomainEvents, JobData, JobProducer, NotFoundError, TenantDb } from '@regula/platform';
import { TenantPagesChanged } from '@regula/tenancy';
import { RegisterEntity } from '../register.entity';
import { RegisterVersionEntity } from '../register-version.entity';
import { RegisterEditActor, retentionShape } from '../register-edit.service';
import { HeldImportKind, RegisterImportEntity } from './register-import.entity';

/** How long a file is held for its confirmation. */
export const HELD_IMPORT_HOURS = 24;

/** An upload's file name as the client sent it, without control characters (it is shown and stored), at most 255 characters; `fallback` when nothing is left. */
export function heldFileName(name: string, fallback: string): string {
  return name.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 255) || fallback;
}

/** A held upload. */
export interface HeldImport {
  sha256: string;
  fileName: string;
  body: Buffer;
  uploadedBy: string;
  uploadedAt: Date;
  appliedAt: Date | null;
}

/** The registers the import makes current, in order, and the current registers (key and content hash) it was previewed against. */
export interface RegisterSetInput {
  sha256: string;
  registers: Register[];
  previewedAgainst: { key: string; contentHash: string }[];
  /** What the audit entry `registers.imported` says besides the counts (the file's name, format). */
  details: Record<string, unknown>;
}

export interface RegisterSetOutcome {
  created: string[];
  versioned: string[];
  retired: string[];
  unchanged: string[];
}

/**
 * A whole set of registers made current at once, from a spreadsheet
 * (libs/exports reads it): the file is held between its preview and the
 * admin's confirmation, then applied in ONE transaction through the same
 * versioning as an edit (a new register version 1, the next version of a
 * changed one, the current version of one left out closed and the register
 * retired), audited per register and as `registers.imported` with the
 * file's SHA-256. Refused (409) when the registers changed since the preview or
 * the file was already applied.
 */
@Injectable()
export class RegisterImports {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly afterCommit: AfterCommit,
    @Optional() private readonly jobs?: JobProducer,
  ) {}

  /**
   * Holds the file for its confirmation (the same file again: held again, not yet applied); audited
   * `registers.import-held` (or `requests.import-held` for a file of requests, `kind`) with its SHA-256.
   */
  async hold(tenantId: string, file: { sha256: string; fileName: string; body: Buffer }, actor: RegisterEditActor, now: Date, details: Record<string, unknown> = {}, kind: HeldImportKind = 'record'): Promise<void> {
    await this.db.forTenant(tenantId, async (em) => {
      // the tenant's files held longer than a day go (their SHA-256 stays in the audit log)
      await em.query(`DELETE FROM register_imports WHERE tenant_id = $1 AND uploaded_at < $2`, [tenantId, expiredBefore(now)]);
      const [row] = await em.query(
        `INSERT INTO register_imports (tenant_id, kind, sha256, file_name, body, uploaded_by, uploaded_at) VALUES ($1, $7, $2, $3, $4, $5, $6)
         ON CONFLICT (tenant_id, kind, sha256) DO UPDATE SET file_name = EXCLUDED.file_name, uploaded_by = EXCLUDED.uploaded_by, uploaded_at = EXCLUDED.uploaded_at, applied_at = NULL
         RETURNING id`,
        [tenantId, file.sha256, file.fileName, file.body, actor.label, now, kind],
      );
      await this.log(em, tenantId, actor, kind === 'record' ? 'registers.import-held' : `${kind}.import-held`, row.id, { ...details, sha256: file.sha256, fileName: file.fileName, size: file.body.length });
    });
  }

  /** A held file, refused (404) once it is older than `HELD_IMPORT_HOURS`. */
  async held(tenantId: string, sha256: string, now: Date, kind: HeldImportKind = 'record'): Promise<HeldImport> {
    const row = await this.db.forTenant(tenantId, (em) => em.findOne(RegisterImportEntity, { where: { tenantId, sha256, kind } }));
    if (!row || row.uploadedAt < expiredBefore(now)) throw new NotFoundError(`no import of a file with SHA-256 ${sha256} held: upload it again`);
    return { sha256: row.sha256, fileName: row.fileName, body: row.body, uploadedBy: row.uploadedBy, uploadedAt: row.uploadedAt, appliedAt: row.appliedAt };
  }

  /**
   * In the caller's transaction: the held file locked and marked applied; 404 when it is not held (or
   * expired), 409 when it was applied already. Returns the held row's id (the audit entry's target).
   */
  async claim(em: EntityManager, tenantId: string, sha256: string, now: Date, kind: HeldImportKind = 'record'): Promise<string> {
    const held = await em.createQueryBuilder(RegisterImportEntity, 'i').setLock('pessimistic_write')
      .where('i.tenant_id = :tenantId AND i.sha256 = :sha AND i.kind = :kind', { tenantId, sha: sha256, kind }).getOne();
    if (!held || held.uploadedAt < expiredBefore(now)) throw new NotFoundError(`no import of a file with SHA-256 ${sha256} held: upload it again`);
    if (held.appliedAt) throw new ConflictError(`this file was already imported at ${held.appliedAt.toISOString()}: upload it again to import it again`);
    await em.update(RegisterImportEntity, { id: held.id }, { appliedAt: now });
    return held.id;
  }

  async apply(tenantId: string, input: RegisterSetInput, actor: RegisterEditActor, now: Date): Promise<RegisterSetOutcome> {
    return this.db.forTenant(tenantId, async (em) => {
      const heldId = await this.claim(em, tenantId, input.sha256, now);
      const rows = await em.createQueryBuilder(RegisterEntity, 'r').setLock('pessimistic_write').where('r.tenant_id = :tenantId', { tenantId }).orderBy('r.position').getMany();
      const live = rows.filter((r) => !r.retiredAt);
      const versions = live.length ? await em.find(RegisterVersionEntity, { where: { registerId: In(live.map((r) => r.id)), isCurrent: true } }) : [];
      const hashOf = new Map(versions.map((v) => [v.registerId, v]));
      const currentSet = live.map((r) => `${r.key}:${hashOf.get(r.id)?.contentHash}`).sort();
      const then = input.previewedAgainst.map((r) => `${r.key}:${r.contentHash}`).sort();
      if (currentSet.join('\n') !== then.join('\n')) throw new ConflictError('the registers changed since the preview: preview the file again');

      const out: RegisterSetOutcome = { created: [], versioned: [], retired: [], unchanged: [] };
      const byKey = new Map(rows.map((r) => [r.key, r]));
      const retention: string[] = [];
      for (const [position, reg] of input.registers.entries()) {
        const hash = contentHash(reg);
        const row = byKey.get(reg.id);
        if (row && row.position !== position) await em.update(RegisterEntity, { id: row.id }, { position });
        if (!row) {
          const created = await em.save(em.create(RegisterEntity, { tenantId, key: reg.id, currentVersion: 1, position, retiredAt: null }));
          await this.addVersion(em, created, 1, reg, hash, actor, now);
          out.created.push(reg.id);
          retention.push(reg.id);
          await this.log(em, tenantId, actor, 'register.created', created.id, { key: reg.id, version: 1, contentHash: hash, importSha256: input.sha256 });
          continue;
        }
        const current = hashOf.get(row.id) ?? (await em.findOne(RegisterVersionEntity, { where: { registerId: row.id }, order: { version: 'DESC' } }));
        if (current?.contentHash === hash && !row.retiredAt) {
          out.unchanged.push(reg.id);
          continue;
        }
        if (current?.isCurrent) await em.update(RegisterVersionEntity, { id: current.id }, { isCurrent: false, validTo: now });
        const version = row.currentVersion + 1;
        await em.update(RegisterEntity, { id: row.id }, { currentVersion: version, retiredAt: null });
        await this.addVersion(em, row, version, reg, hash, actor, now);
        out.versioned.push(reg.id);
        if (contentHash(retentionShape((current?.definition as { retention?: unknown } | undefined)?.retention)) !== contentHash(retentionShape(reg.retention))) retention.push(reg.id);
        await this.log(em, tenantId, actor, 'register.versioned', row.id, { key: reg.id, version, previousHash: current?.contentHash ?? null, contentHash: hash, importSha256: input.sha256 });
      }
      const keys = new Set(input.registers.map((r) => r.id));
      for (const row of live.filter((r) => !keys.has(r.key))) {
        await em.update(RegisterEntity, { id: row.id }, { retiredAt: now });
        await em.update(RegisterVersionEntity, { registerId: row.id, isCurrent: true, validTo: IsNull() }, { validTo: now });
        out.retired.push(row.key);
        await this.log(em, tenantId, actor, 'register.retired', row.id, { key: row.key, importSha256: input.sha256 });
      }
      await this.log(em, tenantId, actor, 'registers.imported', heldId, {
        ...input.details, sha256: input.sha256, created: out.created, versioned: out.versioned, retired: out.retired, unchanged: out.unchanged.length,
      });
      if (out.created.length || out.versioned.length || out.retired.length) await DomainEvents.publish(em, new TenantPagesChanged({ tenantId }));
      const jobs = this.jobs;
      if (jobs) {
        for (const key of retention) {
          const data: JobData<'retention-recompute'> = { tenantId, registerKey: key };
          await this.afterCommit.run(em, () => jobs.add('retention-recompute', data, { ...DEFAULT_JOB_OPTIONS, jobId: `retention-recompute-${tenantId}-${key}-import-${input.sha256.slice(0, 16)}` }));
        }
      }
      return out;
    });
  }

  private addVersion(em: EntityManager, reg: RegisterEntity, version: number, definition: Register, hash: string, actor: RegisterEditActor, now: Date) {
    return em.save(
      em.create(RegisterVersionEntity, {
        tenantId: reg.tenantId, registerId: reg.id, version, definition: definition as unknown as Record<string, unknown>,
        contentHash: hash, validFrom: now, validTo: null, isCurrent: true, author: actor.label, changeSummary: 'imported from a spreadsheet',
      }),
    );
  }

  private log(em: EntityManager, tenantId: string, actor: RegisterEditActor, action: AuditAction, targetId: string, details: Record<string, unknown>) {
    return this.audit.append(em, { tenantId, actorId: actor.userId, actor: actor.label, action, targetType: action.split('.')[0].replace(/s$/, ''), targetId, ip: actor.ip, details });
  }
}

const expiredBefore = (now: Date) => new Date(now.getTime() - HELD_IMPORT_HOURS * 3600_000);
