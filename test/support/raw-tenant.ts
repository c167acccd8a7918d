import { DataSource } from 'typeorm';
import type { ControllerDefinition } from '@regula/engine';
import { contentHash } from '@regula/platform';

/**
 * Writes a controller definition straight into the database as the schema
 * owner, WITHOUT the linter that `tenants sync` runs: for reproducing a broken
 * notice (seed 000) that the product must refuse to publish. Returns the tenant id.
 */
export async function insertRawTenant(owner: DataSource, def: ControllerDefinition): Promise<string> {
  const { registers, ...controller } = def;
  return owner.transaction(async (em) => {
    const [tenant] = await em.query(
      `INSERT INTO tenants (slug, legal_name, country, time_zone, definition, definition_hash) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [def.slug, def.legalName, def.jurisdiction.country, def.jurisdiction.timeZone, controller, contentHash(controller)],
    );
    for (const [position, reg] of registers.entries()) {
      const [row] = await em.query(`INSERT INTO registers (tenant_id, key, current_version, position) VALUES ($1, $2, 1, $3) RETURNING id`, [tenant.id, reg.id, position]);
      await em.query(
        `INSERT INTO register_versions (tenant_id, register_id, version, definition, content_hash, is_current, author, change_summary)
         VALUES ($1, $2, 1, $3, $4, true, 'test: raw insert', 'written without the linter')`,
        [tenant.id, row.id, reg, contentHash(reg)],
      );
    }
    return tenant.id as string;
  });
}
