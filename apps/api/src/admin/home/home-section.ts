import type { Permission } from '@regula/auth';
import type { Lang } from '@regula/engine';
import type { AdminTenant } from '../shared/admin-request';

/** What a section of the home page gets to work with. */
export interface HomeContext {
  tenant: AdminTenant;
  lang: Lang;
  /** 'YYYY-MM-DD' in the controller's time zone. */
  today: string;
  now: Date;
  t: (key: string, vars?: Record<string, unknown>) => string;
}

/**
 * One block of the home page ("what needs attention today"). The view is the
 * partial `home/partials/<partial>.hbs`, rendered with this object as
 * its context. To add a block (charts, retention due, ...): write a source
 * (a class with `permission` and `load`), add it to HomeService's list, and
 * add its partial.
 */
export interface HomeSectionView {
  id: string;
  title: string;
  partial: string;
  /** How many things need attention (shown in the heading). */
  count: number;
  [key: string]: unknown;
}

export interface HomeSectionSource {
  /** Shown only to users holding this permission. */
  permission: Permission;
  /** Whether the block concerns this tenant at all (absent: always). */
  applies?(ctx: HomeContext): boolean;
  load(ctx: HomeContext): Promise<HomeSectionView>;
}
