import { Injectable, Optional } from '@nestjs/common';
import type { Finding, Register } from '@regula/engine';
import { definitionErrors } from '@regula/engine';
import { AuditService } from '@regula/audit';
import { AfterCommit, ConflictError, contentHash, DEFAULT_JOB_OPTIONS, DomainEvents, InvalidInputError, JobData, NotFoundError, JobProducer, TenantDb, UnprocessableError } from '@regula/platform';
import { TenantPagesChanged } from '@regula/tenancy';
import { ControllerDefinitionService } from './controller-definition.service';
import { RegisterEntity } from './register.entity';
import { RegisterVersionEntity } from './register-version.entity';
import { checkedRegister, lintWith } from './register-checks';

/** Who saves a register version (the version's author and the audit entry). */
export interface RegisterEditActor {
  userId: string | null;
  /** "admin@x (compliance-admin)". */
  label: string;
  ip?: string;
}

export interface SaveRegisterInput {
  definition: unknown;
  changeSummary: string;
  /** The version the edit started from: refused (409) when another version was saved meanwhile. */
  baseVersion?: number;
}

export interface SaveRegisterOutcome {
  status: 'created' | 'unchanged';
  key: string;
  version: number;
  contentHash: string;
  /** The retention rules changed: due dates are recomputed by the worker. */
  retentionChanged: boolean;
  findings: Finding[];
}

/** Saving refused: the linter reports a definition error (a value the schema cannot hold) for the controller with this register in it. */
export class RegisterLintFailedError extends UnprocessableError {
  constructor(readonly findings: Finding[]) {
    const errors = definitionErrors(findings).length;
    super(`the register was not saved: the linter reports ${errors} definition ${errors === 1 ? 'error' : 'errors'}`, { findings });
  }
}

/**
 * A compliance admin's edit of one register: linted as part of the whole
 * controller definition (the stored one with this register replaced), refused
 * while the linter reports a definition error (a value the schema cannot hold;
 * legal errors refuse publishing a policy, not saving), otherwise saved as the next version (the
 * current one closed, `valid_to` set), audited as `register.versioned`, and,
 * when the retention rules changed, the register's due dates recomputed by the
 * worker (`retention-recompute`, after commit). Saving the same content again
 * changes nothing.
 */
@Injectable()
export class RegisterEditService {
  constructor(
    private readonly db: TenantDb,
    private readonly definitions: ControllerDefinitionService,
    private readonly audit: AuditService,
    private readonly afterCommit: AfterCommit,
    /** Absent where no queues are configured: the daily sweep then recomputes stale registers. */
    @Optional() private readonly jobs?: JobProducer,
  ) {}

  /** The linter's findings for the controller with `definition` as register `key`; nothing is saved. */
  async lint(tenantId: string, key: string, definition: unknown): Promise<Finding[]> {
    const reg = checkedRegister(key, definition);
    const stored = await this.definitions.load(tenantId);
    if (!stored.registers.some((r) => r.key === key)) throw new NotFoundError(`no register ${key}`);
    return lintWith(stored.definition, reg);
  }

  async saveVersion(tenantId: string, key: string, input: SaveRegisterInput, actor: RegisterEditActor, now = new Date()): Promise<SaveRegisterOutcome> {
    const reg = checkedRegister(key, input.definition);
    const summary = input.changeSummary.trim();
    if (summary.length < 3 || summary.length > 2000) throw new InvalidInputError(['changeSummary must be 3 to 2000 characters']);
    const findings = await this.lint(tenantId, key, reg);
    // Legal (publication) errors do not refuse saving: they refuse publishing a policy until fixed.
    if (definitionErrors(findings).length > 0) throw new RegisterLintFailedError(findings);
    const hash = contentHash(reg);

    return this.db.forTenant(tenantId, async (em) => {
      const row = await em
        .createQueryBuilder(RegisterEntity, 'r')
        .setLock('pessimistic_write')
        .where('r.tenant_id = :tenantId AND r.key = :key AND r.retired_at IS NULL', { tenantId, key })
        .getOne();
      if (!row) throw new NotFoundError(`no register ${key}`);
      if (input.baseVersion !== undefined && input.baseVersion !== row.currentVersion) {
        throw new ConflictError(`version ${row.currentVersion} was saved after version ${input.baseVersion}, which this edit started from: open the register again`);
      }
      const current = await em.findOneOrFail(RegisterVersionEntity, { where: { registerId: row.id, isCurrent: true } });
      if (current.contentHash === hash) {
        return { status: 'unchanged' as const, key, version: current.version, contentHash: hash, retentionChanged: false, findings };
      }
      const version = row.currentVersion + 1;
      await em.update(RegisterVersionEntity, { id: current.id }, { isCurrent: false, validTo: now });
      await em.update(RegisterEntity, { id: row.id }, { currentVersion: version });
      await em.save(
        em.create(RegisterVersionEntity, {
          tenantId, registerId: row.id, version, definition: reg as unknown as Record<string, unknown>,
          contentHash: hash, validFrom: now, validTo: null, isCurrent: true, author: actor.label, changeSummary: summary,
        }),
      );
      const before = (current.definition as { retention?: unknown }).retention;
      const retentionChanged = contentHash(retentionShape(before)) !== contentHash(retentionShape(reg.retention));
      await this.audit.append(em, {
        tenantId, actorId: actor.userId, actor: actor.label, action: 'register.versioned', targetType: 'register', targetId: row.id, ip: actor.ip,
        details: { key, version, previousHash: current.contentHash, contentHash: hash, changeSummary: summary, retentionChanged },
      });
      // The consent purposes of the public withdrawal form come from the current registers.
      await DomainEvents.publish(em, new TenantPagesChanged({ tenantId }));
      const jobs = this.jobs;
      if (retentionChanged && jobs) {
        const data: JobData<'retention-recompute'> = { tenantId, registerKey: key };
        await this.afterCommit.run(em, () => jobs.add('retention-recompute', data, { ...DEFAULT_JOB_OPTIONS, jobId: `retention-recompute-${tenantId}-${key}-v${version}` }));
      }
      return { status: 'created' as const, key, version, contentHash: hash, retentionChanged, findings };
    });
  }
}

/** What of the retention rules decides due dates: the rules without their descriptions, labels and references. */
export function retentionShape(rules: unknown): unknown {
  if (!Array.isArray(rules)) return null;
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (!v || typeof v !== 'object') return v;
    return Object.fromEntries(Object.entries(v).filter(([k]) => !['description', 'label', 'ref'].includes(k)).map(([k, x]) => [k, strip(x)]));
  };
  return strip(rules);
}
