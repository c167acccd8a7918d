import { Injectable } from '@nestjs/common';
import { ControllerDefinition, FactConfirmation, Register, applyConfirmations } from '@regula/engine';
import { NotFoundError, TenantDb } from '@regula/platform';
import { LessThanOrEqual } from 'typeorm';
import { TenantEntity } from '@regula/tenancy';
import { FactConfirmationEntity } from './confirmations/fact-confirmation.entity';
import { RegistersService, RegisterView } from './registers.service';

/** A tenant's controller definition as the database holds it, with the register versions it is made of. */
export interface StoredDefinition {
  tenant: TenantEntity;
  /** The definition as people confirmed it: what every reader-facing text is rendered from. */
  definition: ControllerDefinition;
  /** The definition as synced and edited, before confirmations (the values confirmations are checked against). */
  unconfirmed: ControllerDefinition;
  /** Every confirmation up to the date loaded (those whose value changed since no longer apply). */
  confirmations: (FactConfirmation & { forDemo: boolean })[];
  registers: { key: string; version: number; contentHash: string; validFrom: Date }[];
}

/**
 * Puts a tenant's controller definition back together from the database: the
 * controller facts of `tenants.definition` plus its registers, in the
 * definition's order; the current versions, or those valid at `asOf` (for an
 * auditor's export of a past date); then the confirmations people made of
 * assumed and unknown facts (up to `asOf`) are applied. Notices and exports are
 * rendered from this, so they show what the registers say and what people
 * confirmed, not what the build contains.
 * The controller facts themselves are not versioned: a past date gets today's.
 */
@Injectable()
export class ControllerDefinitionService {
  constructor(private readonly db: TenantDb, private readonly registers: RegistersService) {}

  async load(tenantId: string, asOf?: Date): Promise<StoredDefinition> {
    const [tenant, rows] = await this.db.forTenant(tenantId, (em) =>
      Promise.all([
        em.findOne(TenantEntity, { where: { id: tenantId } }),
        em.find(FactConfirmationEntity, { where: { tenantId, ...(asOf ? { confirmedAt: LessThanOrEqual(asOf) } : {}) }, order: { confirmedAt: 'ASC' } }),
      ]),
    );
    if (!tenant) throw new NotFoundError(`tenant ${tenantId} not found`);
    const views: RegisterView[] = asOf ? await this.registers.listAsOf(tenantId, asOf) : await this.registers.listCurrent(tenantId);
    const unconfirmed = { ...(tenant.definition as object), registers: views.map((v) => v.definition as unknown as Register) } as ControllerDefinition;
    const confirmations = rows.map(toConfirmation);
    return {
      tenant,
      definition: applyConfirmations(unconfirmed, confirmations),
      unconfirmed,
      confirmations,
      registers: views.map((v) => ({ key: v.key, version: v.version, contentHash: v.contentHash, validFrom: v.validFrom })),
    };
  }
}

export function toConfirmation(row: FactConfirmationEntity): FactConfirmation & { forDemo: boolean } {
  return {
    path: row.path,
    valueHash: row.valueHash,
    ...(row.replacement !== null && row.replacement !== undefined ? { replacement: row.replacement } : {}),
    confirmedBy: row.forDemo ? `${row.confirmedBy} (demo)` : row.confirmedBy,
    confirmedAt: row.confirmedAt.toISOString(),
    note: row.note,
    forDemo: row.forDemo,
  };
}
