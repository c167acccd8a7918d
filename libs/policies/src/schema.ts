import type { LibSchema } from '@regula/platform';
import { PolicyAnnouncementEntity } from './versions/policy-announcement.entity';
import { PolicyVersionEntity } from './versions/policy-version.entity';
import { PolicyVersions1764100000000 } from './migrations/1764100000000-policy-versions';
import { PolicyChangeSummaries1764300000000 } from './migrations/1764300000000-policy-change-summaries';

/** Published policy versions and their announcements. */
export const POLICIES_SCHEMA: LibSchema = {
  entities: [PolicyAnnouncementEntity, PolicyVersionEntity],
  migrations: [PolicyVersions1764100000000, PolicyChangeSummaries1764300000000],
};
