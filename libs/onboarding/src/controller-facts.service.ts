import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '@regula/audit';
import { ControllerDefinition, applyControllerFacts, canonical, checkControllerFacts, controllerFactsOf, definitionErrors, lintController } from '@regula/engine';
import { CLOCK, Clock, DomainEvents, InvalidInputError, NotFoundError, TenantDb, UnprocessableError, systemClock } from '@regula/platform';
import { addTenantVersion, tenantFieldsOf } from '@regula/registers';
import { TenantEntity, TenantPagesChanged } from '@regula/tenancy';
import { OnboardingActor, StoredLogo, storeLogo } from './tenant-onboarding.service';
import { checkLogo } from './tenant-logo';

type Controller = Omit<ControllerDefinition, 'registers'>;

export interface FactsSaved {
  /** The new version of the controller's facts; null when the form changed nothing. */
  version: number | null;
  definitionHash: string;
}

/** A new controller has no register yet; the registers are not the facts form's business. */
const aboutRegisters = (f: { path: string }) => f.path === 'registers' || f.path.startsWith('registers[');

/**
 * A controller's facts edited by form (issue 17 §1), by its compliance admin
 * or a platform admin, in the tenant's own scope: each save that changes
 * something is a new `tenant_versions` row (the current one closed at that
 * instant, like a register's), audited in the tenant's chain, and its public
 * pages are rendered afresh on every node (TenantPagesChanged). The logo is
 * checked by content and size (`checkLogo`) and served from its public pages.
 */
@Injectable()
export class ControllerFacts {
  constructor(private readonly db: TenantDb, private readonly audit: AuditService, @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock) {}

  async save(tenantId: string, raw: unknown, actor: OnboardingActor): Promise<FactsSaved> {
    const checked = checkControllerFacts(raw);
    if (!checked.ok) throw new InvalidInputError(checked.errors, { problems: checked.problems });
    const now = this.clock();
    return this.change(tenantId, actor, now, 'edited in the facts form', (before) => {
      // The form sent back as it was shown: nothing to version (the form would otherwise become the source of facts nobody retyped).
      if (canonical(controllerFactsOf(before)) === canonical(checked.value)) return before;
      const next = applyControllerFacts(before, checked.value, { date: now.toISOString().slice(0, 10), by: actor.label });
      const errors = definitionErrors(lintController({ ...next, registers: [] })).filter((f) => !aboutRegisters(f));
      if (errors.length) throw new UnprocessableError(errors.map((f) => `${f.path}: ${f.message}`), { findings: errors.map((f) => ({ code: f.code, path: f.path })) });
      return next;
    });
  }

  /** A new logo: stored beside the definition, named (type and hash) in it, so the change is a new version like any other. */
  async setLogo(tenantId: string, bytes: Buffer | undefined, actor: OnboardingActor): Promise<StoredLogo> {
    const logo = await checkLogo(bytes);
    let stored: StoredLogo | undefined;
    await this.change(tenantId, actor, this.clock(), 'a new logo', async (before, em) => {
      stored = await storeLogo(em, tenantId, logo);
      return { ...before, branding: { ...before.branding, logo: { type: logo.type, sha256: stored.sha256 } } };
    });
    return stored!;
  }

  /** One change of the facts in the tenant's scope: a new version when it changed something, audited, pages refreshed. */
  private change(tenantId: string, actor: OnboardingActor, now: Date, summary: string, edit: (before: Controller, em: EntityManager) => Controller | Promise<Controller>): Promise<FactsSaved> {
    return this.db.forTenant(tenantId, async (em) => {
      const tenant = await em.findOne(TenantEntity, { where: { id: tenantId }, lock: { mode: 'pessimistic_write' } });
      if (!tenant) throw new NotFoundError('no such tenant');
      const before = tenant.definition as unknown as Controller;
      const next = await edit(before, em);
      const fields = tenantFieldsOf(next);
      if (fields.definitionHash === tenant.definitionHash) return { version: null, definitionHash: tenant.definitionHash };
      await em.query(`UPDATE tenants SET legal_name = $2, country = $3, time_zone = $4, definition = $5, definition_hash = $6, updated_at = now() WHERE id = $1`, [
        tenantId, fields.legalName, fields.country, fields.timeZone, fields.definition, fields.definitionHash,
      ]);
      const version = await addTenantVersion(em, tenantId, fields, actor.label, summary, now);
      await this.audit.append(em, {
        tenantId, actorId: actor.userId, actor: actor.label, action: 'tenant.updated', targetType: 'tenant', targetId: tenantId,
        details: { previousHash: tenant.definitionHash, definitionHash: fields.definitionHash, version, changed: changedFields(before, next), summary }, ip: actor.ip,
      });
      await DomainEvents.publish(em, new TenantPagesChanged({ tenantId }));
      return { version, definitionHash: fields.definitionHash };
    });
  }

  /** The logo a public page shows (`tenants` is public, like the rest of its row). */
  async logo(tenantId: string): Promise<{ type: string; bytes: Buffer } | null> {
    const [row] = await this.db.unscoped((em) => em.query(`SELECT logo, logo_type FROM tenants WHERE id = $1 AND logo IS NOT NULL`, [tenantId]));
    return row ? { type: row.logo_type, bytes: row.logo } : null;
  }
}

/** The top-level fields an edit changed, for the audit entry. */
function changedFields(before: Controller, after: Controller): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof Controller>;
  return [...keys].filter((k) => k !== 'documents' && JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
}

