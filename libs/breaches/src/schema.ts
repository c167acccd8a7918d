import type { LibSchema } from '@regula/platform';
import { BreachEntity } from './breach.entity';
import { Breaches1763980000050 } from './migrations/1763980000050-breaches';
import { BreachClockNext1764600016002 } from './migrations/1764600016002-breach-clock-next';

/** Personal-data breaches. */
export const BREACHES_SCHEMA: LibSchema = {
  entities: [BreachEntity],
  migrations: [Breaches1763980000050, BreachClockNext1764600016002],
};
