import { EntityManager } from 'typeorm';
import { ControllerDefinition } from '@regula/engine';
import { contentHash } from '@regula/platform';
import { TenantVersionEntity } from '@regula/tenancy';

/** The columns of `tenants` a controller's facts fill, and their hash. */
export interface TenantFields {
  legalName: string;
  country: string;
  timeZone: string;
  definition: Record<string, unknown>;
  definitionHash: string;
}

export function tenantFieldsOf(controller: Omit<ControllerDefinition, 'registers'>): TenantFields {
  return {
    legalName: controller.legalName,
    country: controller.jurisdiction.country,
    timeZone: controller.jurisdiction.timeZone,
    definition: controller as unknown as Record<string, unknown>,
    definitionHash: contentHash(controller),
  };
}

/**
 * The next version of a controller's facts (`tenant_versions`), like a
 * register's: the current row is closed at `validFrom` and the new one is
 * current from then. The one way versions are written (`tenants sync`, the
 * onboarding, the facts form). Returns the new version's number.
 */
export async function addTenantVersion(em: EntityManager, tenantId: string, fields: TenantFields, author: string, summary: string, validFrom: Date): Promise<number> {
  const current = await em.findOne(TenantVersionEntity, { where: { tenantId, isCurrent: true } });
  if (current) await em.update(TenantVersionEntity, { id: current.id }, { isCurrent: false, validTo: validFrom });
  const version = (current?.version ?? 0) + 1;
  await em.save(
    em.create(TenantVersionEntity, {
      tenantId, version, definition: fields.definition, definitionHash: fields.definitionHash, validFrom, validTo: null, isCurrent: true, author, changeSummary: summary,
    }),
  );
  return version;
}
