import type { LibSchema } from '@regula/platform';
import { TenantEntity } from './tenant.entity';
import { InitialSchema1763700000000 } from './migrations/1763700000000-initial-schema';
import { TenantVersions1764600060101 } from './migrations/1764600060101-tenant-versions';
import { TenantSuspension1764600060102 } from './migrations/1764600060102-tenant-suspension';
import { TenantOnboarding1764600070000 } from './migrations/1764600070000-tenant-onboarding';
import { OneTripWrites1764600073001 } from './migrations/1764600073001-one-trip-writes';
import { OneTripPlannedInserts1764600080000 } from './migrations/1764600080000-one-trip-planned-inserts';
import { TenantVersionEntity } from './tenant-version.entity';

/** The `tenants` table and its versions (`tenant_versions`), and the initial schema (role, RLS functions, first tables: see its comment). */
export const TENANCY_SCHEMA: LibSchema = {
  entities: [TenantEntity, TenantVersionEntity],
  migrations: [InitialSchema1763700000000, TenantVersions1764600060101, TenantSuspension1764600060102, TenantOnboarding1764600070000, OneTripWrites1764600073001, OneTripPlannedInserts1764600080000],
};
