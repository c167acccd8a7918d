import { Injectable } from '@nestjs/common';
import { ControllerDefinition, FactConfirmation, Register, applyConfirmations } from '@regula/engine';
import { NotFoundError, TenantDb } from '@regula/platform';
import { EntityManager, LessThanOrEqual } from 'typeorm';
import { TenantEntity, TenantVersionEntity } from '@regula/tenancy';
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
  /** The version of the controller's facts used (`tenant_versions`); null for a tenant written without versions (a test's raw row). */
  controllerVersion: { version: number; validFrom: Date } | null;
}

/**
 * Puts a tenant's controller definition back together from the database: the
 * controller facts of `tenants.definition` plus its registers, in the
 * definition's order; the current versions of both, or those valid at `asOf`
 * (for an auditor's export of a past date: `tenant_versions` and
 * `register_versions`); then the confirmations people made of assumed and
 * unknown facts (up to `asOf`) are applied. Notices and exports are rendered
 * from this, so they show what the registers say and what people confirmed,
 * not what the build contains.
 */
@Injectable()
export class ControllerDefinitionService {
  constructor(private readonly db: TenantDb, private readonly registers: RegistersService) {}

  async load(tenantId: string, asOf?: Date): Promise<StoredDefinition> {
    // One after the other: a transaction's client runs one query at a time (pg warns of overlapping ones).
    const [tenant, rows, version] = await this.db.forTenant(tenantId, async (em) => [
      await em.findOne(TenantEntity, { where: { id: tenantId } }),
      await em.find(FactConfirmationEntity, { where: { tenantId, ...(asOf ? { confirmedAt: LessThanOrEqual(asOf) } : {}) }, order: { confirmedAt: 'ASC' } }),
      asOf ? await versionAsOf(em, tenantId, asOf) : await em.findOne(TenantVersionEntity, { where: { tenantId, isCurrent: true } }),
    ] as const);
    if (!tenant) throw new NotFoundError(`tenant ${tenantId} not found`);
    const views: RegisterView[] = asOf ? await this.registers.listAsOf(tenantId, asOf) : await this.registers.listCurrent(tenantId);
    // As of a date: the controller's facts of the version valid then (before its first version, its first).
    const facts = version?.definition ?? tenant.definition;
    const unconfirmed = { ...(facts as object), registers: views.map((v) => v.definition as unknown as Register) } as ControllerDefinition;
    const confirmations = rows.map(toConfirmation);
    return {
      tenant,
      definition: applyConfirmations(unconfirmed, confirmations),
      unconfirmed,
      confirmations,
      registers: views.map((v) => ({ key: v.key, version: v.version, contentHash: v.contentHash, validFrom: v.validFrom })),
      controllerVersion: version ? { version: version.version, validFrom: version.validFrom } : null,
    };
  }
}

/** The version of the controller's facts valid at `asOf`: the last one that began by then (the first when none had). */
async function versionAsOf(em: EntityManager, tenantId: string, asOf: Date): Promise<TenantVersionEntity | null> {
  return (
    (await em.findOne(TenantVersionEntity, { where: { tenantId, validFrom: LessThanOrEqual(asOf) }, order: { validFrom: 'DESC', version: 'DESC' } })) ??
    (await em.findOne(TenantVersionEntity, { where: { tenantId }, order: { version: 'ASC' } }))
  );
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
