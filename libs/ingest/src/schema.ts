import type { LibSchema } from '@regula/platform';
import { SourceSystemEntity } from './source-system.entity';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';

/** Source systems and webhook deliveries; their tables were created by libs/subjects' `SubjectsAndRequests1763800000000`. */
export const INGEST_SCHEMA: LibSchema = {
  entities: [SourceSystemEntity, WebhookDeliveryEntity],
  migrations: [],
};
