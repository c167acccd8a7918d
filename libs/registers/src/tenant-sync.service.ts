import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { ControllerDefinition, definitionErrors, lintController } from '@regula/engine';
import { AuditAction, AuditService } from '@regula/audit';
import { DomainEvents, contentHash } from '@regula/platform';
import { TenantEntity, TenantPagesChanged } from '@regula/tenancy';
import { RegisterEntity } from './register.entity';
import { RegisterVersionEntity } from './register-version.entity';
import { addTenantVersion, tenantFieldsOf } from './tenant-versions';

export interface SyncResult {
  slug: string;
  tenant: 'created' | 'updated' | 'unchanged';
  registers: { created: string[]; versioned: string[]; retired: string[]; unchanged: string[] };
}

export class TenantDefinitionInvalidError extends Error {
  constructor(readonly slug: string, readonly errors: string[]) {
    super(`${slug}: the definition has errors the schema cannot hold; nothing was written:\n  ${errors.join('\n  ')}`);
  }
}

/**
 * Writes a controller definition into the database: the tenant row (each
 * change of its facts a new `tenant_versions` row) and one register per
 * processing activity, each change a new register version, the history
 * kept. Running it twice changes nothing the second time. A register (or the
 * facts) is written only when the file changed since the last sync (its hash
 * differs from the stored `seed_hash`): what a compliance admin did in the
 * dashboard since (a register by form, retired, imported, the facts form)
 * stands until the file itself changes, and a register created in the
 * dashboard is never retired by a sync. Every change is
 * audited in the tenant's chain. Must run with a connection that
 * may write tenants (the schema owner: `regula tenants sync`).
 */
@Injectable()
export class TenantSyncService {
  constructor(private readonly audit: AuditService) {}

  async sync(em: EntityManager, def: ControllerDefinition, actor: string, now = new Date()): Promise<SyncResult> {
    // Only definition errors refuse a sync; legal (publication) errors refuse publishing a policy.
    const errors = definitionErrors(lintController(def));
    if (errors.length) throw new TenantDefinitionInvalidError(def.slug, errors.map((f) => `${f.code} ${f.path}: ${f.message}`));

    const { registers, ...controller } = def;
    const result: SyncResult = { slug: def.slug, tenant: 'unchanged', registers: { created: [], versioned: [], retired: [], unchanged: [] } };
    const tenant = await this.upsertTenant(em, controller, result, actor, now);

    const existing = await em.find(RegisterEntity, { where: { tenantId: tenant.id } });
    const byKey = new Map(existing.map((r) => [r.key, r]));
    for (const [position, reg] of registers.entries()) {
      const hash = contentHash(reg);
      const row = byKey.get(reg.id);
      if (row && row.position !== position) await em.update(RegisterEntity, { id: row.id }, { position });
      if (!row) {
        const created = await em.save(em.create(RegisterEntity, { tenantId: tenant.id, key: reg.id, currentVersion: 1, position, retiredAt: null, seedHash: hash }));
        await this.addVersion(em, created, 1, reg, hash, actor, 'created from the tenant definition', now);
        result.registers.created.push(reg.id);
        await this.log(em, tenant.id, actor, 'register.created', created.id, { key: reg.id, version: 1, contentHash: hash });
        continue;
      }
      // The file says what it said at the last sync: what the dashboard did since (a new version, retired) stands.
      if (row.seedHash === hash) {
        result.registers.unchanged.push(reg.id);
        continue;
      }
      const current = await em.findOneOrFail(RegisterVersionEntity, { where: { registerId: row.id, isCurrent: true } });
      if (current.contentHash === hash && !row.retiredAt) {
        await em.update(RegisterEntity, { id: row.id }, { seedHash: hash });
        result.registers.unchanged.push(reg.id);
        continue;
      }
      await em.update(RegisterVersionEntity, { id: current.id }, { isCurrent: false, validTo: now });
      const version = row.currentVersion + 1;
      await em.update(RegisterEntity, { id: row.id }, { currentVersion: version, retiredAt: null, retiredReason: null, seedHash: hash });
      await this.addVersion(em, row, version, reg, hash, actor, 'updated from the tenant definition', now);
      result.registers.versioned.push(reg.id);
      await this.log(em, tenant.id, actor, 'register.versioned', row.id, { key: reg.id, version, previousHash: current.contentHash, contentHash: hash });
    }

    const keys = new Set(registers.map((r) => r.id));
    // Only a register the file gave and no longer gives: one created in the dashboard (no seed hash) is not the file's.
    for (const row of existing.filter((r) => !keys.has(r.key) && !r.retiredAt && r.seedHash !== null)) {
      await em.update(RegisterEntity, { id: row.id }, { retiredAt: now, seedHash: null });
      await em.update(RegisterVersionEntity, { registerId: row.id, isCurrent: true, validTo: IsNull() }, { validTo: now });
      result.registers.retired.push(row.key);
      await this.log(em, tenant.id, actor, 'register.retired', row.id, { key: row.key });
    }
    const r = result.registers;
    if (result.tenant !== 'unchanged' || r.created.length || r.versioned.length || r.retired.length) await DomainEvents.publish(em, new TenantPagesChanged({ tenantId: tenant.id }));
    return result;
  }

  private async upsertTenant(em: EntityManager, controller: Omit<ControllerDefinition, 'registers'>, result: SyncResult, actor: string, now: Date): Promise<TenantEntity> {
    const fields = tenantFieldsOf(controller);
    const hash = fields.definitionHash;
    const found = await em.findOne(TenantEntity, { where: { slug: controller.slug } });
    if (!found) {
      const created = await em.save(em.create(TenantEntity, { slug: controller.slug, ...fields, seedHash: hash }));
      result.tenant = 'created';
      // Version 1 from the tenant's creation: an export as of any day since states these facts.
      await addTenantVersion(em, created.id, fields, actor, 'created from the tenant definition', created.createdAt);
      await this.log(em, created.id, actor, 'tenant.created', created.id, { slug: controller.slug, definitionHash: hash, version: 1 });
      return created;
    }
    // The file's facts as at the last sync: what the facts form changed since stands.
    if (found.seedHash === hash) return found;
    if (found.definitionHash === hash) await em.update(TenantEntity, { id: found.id }, { seedHash: hash });
    else {
      const previousHash = found.definitionHash;
      await em.save(Object.assign(found, fields, { seedHash: hash }));
      const version = await addTenantVersion(em, found.id, fields, actor, 'updated from the tenant definition', now);
      result.tenant = 'updated';
      await this.log(em, found.id, actor, 'tenant.updated', found.id, { previousHash, definitionHash: hash, version });
    }
    return found;
  }

  private addVersion(em: EntityManager, reg: RegisterEntity, version: number, definition: object, hash: string, author: string, summary: string, now: Date) {
    return em.save(
      em.create(RegisterVersionEntity, {
        tenantId: reg.tenantId, registerId: reg.id, version, definition: definition as Record<string, unknown>,
        contentHash: hash, validFrom: now, validTo: null, isCurrent: true, author, changeSummary: summary,
      }),
    );
  }

  private log(em: EntityManager, tenantId: string, actor: string, action: AuditAction, targetId: string, details: Record<string, unknown>) {
    const targetType = action.split('.')[0];
    return this.audit.append(em, { tenantId, actorId: null, actor, action, targetType, targetId, details });
  }
}
