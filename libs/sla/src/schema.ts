import type { LibSchema } from '@regula/platform';
import { SlaNoticeEntity } from './sla-notice.entity';
import { Sla1763970000001 } from './migrations/1763970000001-sla';

/** SLA notices. */
export const SLA_SCHEMA: LibSchema = {
  entities: [SlaNoticeEntity],
  migrations: [Sla1763970000001],
};
