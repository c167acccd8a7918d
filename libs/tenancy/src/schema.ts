import type { LibSchema } from '@regula/platform';
import { TenantEntity } from './tenant.entity';
import { InitialSchema1763700000000 } from './migrations/1763700000000-initial-schema';

/** The `tenants` table, and the initial schema (role, RLS functions, first tables: see its comment). */
export const TENANCY_SCHEMA: LibSchema = {
  entities: [TenantEntity],
  migrations: [InitialSchema1763700000000],
};
