import type { LibSchema } from '@regula/platform';
import { BreachEntity } from './breach.entity';
import { Breaches1763980000050 } from './migrations/1763980000050-breaches';

/** Personal-data breaches. */
export const BREACHES_SCHEMA: LibSchema = {
  entities: [BreachEntity],
  migrations: [Breaches1763980000050],
};
