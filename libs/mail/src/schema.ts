import type { LibSchema } from '@regula/platform';
import { OutboxEmailEntity } from './outbox-email.entity';
import { OutboxSecrets1764400000000 } from './migrations/1764400000000-outbox-secrets';
import { PlatformEmails1764410000000 } from './migrations/1764410000000-platform-emails';
import { OutboxRenderLater1764600079000 } from './migrations/1764600079000-outbox-render-later';
import { OutboxWake1764600079001 } from './migrations/1764600079001-outbox-wake';

/** The e-mail outbox (table from libs/subjects' `SubjectsAndRequests1763800000000`), its secrets, platform e-mails and e-mails rendered by the worker. */
export const MAIL_SCHEMA: LibSchema = {
  entities: [OutboxEmailEntity],
  migrations: [OutboxSecrets1764400000000, PlatformEmails1764410000000, OutboxRenderLater1764600079000, OutboxWake1764600079001],
};
