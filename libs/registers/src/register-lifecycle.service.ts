import { Injectable } from '@nestjs/common';
import type { Finding } from '@regula/engine';
import { definitionErrors } from '@regula/engine';
import { AuditService } from '@regula/audit';
import { ConflictError, contentHash, DomainEvents, InvalidInputError, NotFoundError, TenantDb } from '@regula/platform';
import { TenantPagesChanged } from '@regula/tenancy';
import { ControllerDefinitionService } from './controller-definition.service';
import { REGISTER_KEY, checkedRegister, lintWith } from './register-checks';
import { RegisterEditActor, RegisterLintFailedError } from './register-edit.service';
import { RegisterEntity } from './register.entity';
import { RegisterVersionEntity } from './register-version.entity';

export interface CreateRegisterInput {
  definition: unknown;
  changeSummary: string;
  /** The template it was made from, for the audit entry (absent: typed in, or from nothing). */
  template?: string;
}

export interface CreateRegisterOutcome {
  key: string;
  version: 1;
  contentHash: string;
  findings: Finding[];
}

/** What retiring a register leaves behind: shown before a person retires it. */
export interface RetirePreview {
  key: string;
  version: number;
  versions: number;
  /** Records of the personal-data store kept under this register (not erased): they stay, with their due dates. */
  records: number;
  /** The controller's only register cannot be retired (a controller without registers has no record at all). */
  last: boolean;
}

/**
 * A register's beginning and end in the dashboard (issue 17 §2): created (from a
 * template, from nothing, or typed), linted as part of the whole controller and
 * refused while the linter reports a definition error, saved as version 1 at the
 * end of the list; retired with a reason (kept with its versions for the history
 * and past exports, left out of everything current). Both audited (`register.created`,
 * `register.retired`) and both change what the public pages show (`TenantPagesChanged`).
 * A register's key is never used twice, a retired one's included.
 */
@Injectable()
export class RegisterLifecycleService {
  constructor(
    private readonly db: TenantDb,
    private readonly definitions: ControllerDefinitionService,
    private readonly audit: AuditService,
  ) {}

  async create(tenantId: string, input: CreateRegisterInput, actor: RegisterEditActor, now = new Date()): Promise<CreateRegisterOutcome> {
    const id = (input.definition as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || !REGISTER_KEY.test(id)) throw new InvalidInputError(['key must be 1 to 100 lower-case letters, digits and hyphens, beginning with a letter or digit']);
    const reg = checkedRegister(id, input.definition);
    const summary = input.changeSummary.trim();
    if (summary.length < 3 || summary.length > 2000) throw new InvalidInputError(['changeSummary must be 3 to 2000 characters']);
    const stored = await this.definitions.load(tenantId);
    const findings = lintWith(stored.definition, reg);
    if (definitionErrors(findings).length > 0) throw new RegisterLintFailedError(findings);
    const hash = contentHash(reg);
    return this.db.forTenant(tenantId, async (em) => {
      // The tenant's registers, locked: two creations of one key, or of the next position, wait for each other.
      const rows = await em.createQueryBuilder(RegisterEntity, 'r').setLock('pessimistic_write').where('r.tenant_id = :tenantId', { tenantId }).getMany();
      const same = rows.find((r) => r.key === id);
      if (same) throw new ConflictError(same.retiredAt ? `a retired register had the key "${id}": choose another` : `a register with the key "${id}" exists`);
      const position = rows.reduce((max, r) => Math.max(max, r.position + 1), 0);
      const row = await em.save(em.create(RegisterEntity, { tenantId, key: id, currentVersion: 1, position, retiredAt: null, retiredReason: null }));
      await em.save(em.create(RegisterVersionEntity, {
        tenantId, registerId: row.id, version: 1, definition: reg as unknown as Record<string, unknown>,
        contentHash: hash, validFrom: now, validTo: null, isCurrent: true, author: actor.label, changeSummary: summary,
      }));
      await this.audit.append(em, {
        tenantId, actorId: actor.userId, actor: actor.label, action: 'register.created', targetType: 'register', targetId: row.id, ip: actor.ip,
        details: { key: id, version: 1, contentHash: hash, changeSummary: summary, ...(input.template ? { template: input.template } : {}) },
      });
      await DomainEvents.publish(em, new TenantPagesChanged({ tenantId }));
      return { key: id, version: 1 as const, contentHash: hash, findings };
    });
  }

  /** What retiring `key` would leave behind; null when there is no such active register. */
  async retirePreview(tenantId: string, key: string): Promise<RetirePreview | null> {
    if (!REGISTER_KEY.test(key)) return null;
    return this.db.forTenant(tenantId, async (em) => {
      const active = await em.find(RegisterEntity, { where: { tenantId }, select: ['id', 'key', 'currentVersion', 'retiredAt'] });
      const row = active.find((r) => r.key === key && !r.retiredAt);
      if (!row) return null;
      // Read only (the store belongs to libs/subjects): how many records the register still holds.
      const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM personal_data_records WHERE tenant_id = $1 AND register_key = $2 AND erased_at IS NULL`, [tenantId, key]);
      return { key, version: row.currentVersion, versions: row.currentVersion, records: n, last: active.filter((r) => !r.retiredAt).length <= 1 };
    });
  }

  /**
   * Retires `key`: its current version's validity ends now, the register leaves the
   * current definition (list, public pages, the next policy draft, retention of new
   * records), its versions stay. Refused for the controller's only register.
   */
  async retire(tenantId: string, key: string, reason: string, actor: RegisterEditActor, now = new Date()): Promise<{ key: string; version: number }> {
    const why = reason.trim();
    if (why.length < 3 || why.length > 2000) throw new InvalidInputError(['reason must be 3 to 2000 characters']);
    if (!REGISTER_KEY.test(key)) throw new NotFoundError(`no register ${key}`);
    return this.db.forTenant(tenantId, async (em) => {
      const rows = await em.createQueryBuilder(RegisterEntity, 'r').setLock('pessimistic_write').where('r.tenant_id = :tenantId AND r.retired_at IS NULL', { tenantId }).getMany();
      const row = rows.find((r) => r.key === key);
      if (!row) throw new NotFoundError(`no register ${key}`);
      if (rows.length <= 1) throw new ConflictError('the controller\'s only register cannot be retired: a controller needs at least one');
      await em.update(RegisterEntity, { id: row.id }, { retiredAt: now, retiredReason: why });
      await em.update(RegisterVersionEntity, { registerId: row.id, isCurrent: true }, { validTo: now });
      await this.audit.append(em, {
        tenantId, actorId: actor.userId, actor: actor.label, action: 'register.retired', targetType: 'register', targetId: row.id, ip: actor.ip,
        details: { key, version: row.currentVersion, reason: why },
      });
      await DomainEvents.publish(em, new TenantPagesChanged({ tenantId }));
      return { key, version: row.currentVersion };
    });
  }
}
