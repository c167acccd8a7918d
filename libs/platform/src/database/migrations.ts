import { InitialSchema1763700000000 } from './migrations/1763700000000-initial-schema';

/** Migrations in order. Never `synchronize`. */
export const MIGRATIONS = [InitialSchema1763700000000];
