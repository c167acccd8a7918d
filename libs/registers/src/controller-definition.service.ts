import { Injectable, NotFoundException } from '@nestjs/common';
import type { ControllerDefinition, Register } from '@regula/engine';
import { TenantDb } from '@regula/platform';
import { RegistersService, RegisterView } from './registers.service';
import { TenantEntity } from './tenant.entity';

/** A tenant's controller definition as the database holds it, with the register versions it is made of. */
export interface StoredDefinition {
  tenant: TenantEntity;
  definition: ControllerDefinition;
  registers: { key: string; version: number; contentHash: string; validFrom: Date }[];
}

/**
 * Puts a tenant's controller definition back together from the database: the
 * controller facts of `tenants.definition` plus its registers, in the
 * definition's order; the current versions, or those valid at `asOf` (for an
 * auditor's export of a past date). Notices and exports are rendered from
 * this, so they show what the registers say, not what the build contains.
 * The controller facts themselves are not versioned: a past date gets today's.
 */
@Injectable()
export class ControllerDefinitionService {
  constructor(private readonly db: TenantDb, private readonly registers: RegistersService) {}

  async load(tenantId: string, asOf?: Date): Promise<StoredDefinition> {
    const tenant = await this.db.forTenant(tenantId, (em) => em.findOne(TenantEntity, { where: { id: tenantId } }));
    if (!tenant) throw new NotFoundException(`tenant ${tenantId} not found`);
    const views: RegisterView[] = asOf ? await this.registers.listAsOf(tenantId, asOf) : await this.registers.listCurrent(tenantId);
    const definition = { ...(tenant.definition as object), registers: views.map((v) => v.definition as unknown as Register) } as ControllerDefinition;
    return { tenant, definition, registers: views.map((v) => ({ key: v.key, version: v.version, contentHash: v.contentHash, validFrom: v.validFrom })) };
  }
}
