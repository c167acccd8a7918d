import { InitialSchema1763700000000 } from './migrations/1763700000000-initial-schema';
import { SubjectsAndRequests1763800000000 } from './migrations/1763800000000-subjects-and-requests';

/** Migrations in order. Never `synchronize`. */
export const MIGRATIONS = [InitialSchema1763700000000, SubjectsAndRequests1763800000000];
