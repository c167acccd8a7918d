import { EntityManager } from 'typeorm';

/**
 * Every table of the schema with a `tenant_id` column, by name, read from the
 * catalogue (whatever the reader may see): what a tenant's whole archive holds
 * and what its deletion removes, so a new table is never left out.
 */
export async function tenantTables(em: EntityManager): Promise<string[]> {
  const rows: { table: string }[] = await em.query(
    `SELECT c.relname AS table FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE a.attname = 'tenant_id' AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND n.nspname = current_schema()
      ORDER BY c.relname`,
  );
  return rows.map((r) => {
    if (!/^[a-z_][a-z0-9_]*$/.test(r.table)) throw new Error(`unexpected table name ${JSON.stringify(r.table)}`);
    return r.table;
  });
}
