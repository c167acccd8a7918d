import { Injectable } from '@nestjs/common';
import { BreachesService } from '@regula/breaches';
import { TenantDb } from '@regula/platform';
import { FactConfirmationsService } from '@regula/registers';
import { RequestsService } from '@regula/requests';
import { PolicyVersionsService } from '@regula/policies';
import { BreachClockSection } from './breach-section';
import { PolicyChangeSection } from './policy-change-section';
import { ChartQueries } from './charts/chart-queries.service';
import { ChartsSection } from './charts/charts.section';
import { HomeContext, HomeSectionSource, HomeSectionView } from './home-section';
import { TodaySection } from './today-section';
import { DueSoonSection, IdentityWaitingSection, OverdueRequestsSection, WithdrawalLimitSection } from './request-sections';

/**
 * The tenant's home page: the sections below, in this order, each shown to
 * the users holding its permission. Extension point: add a source here (and
 * its partial in home/partials/); charts go in the same way.
 */
@Injectable()
export class HomeService {
  private readonly sources: HomeSectionSource[];

  constructor(requests: RequestsService, breaches: BreachesService, charts: ChartQueries, policies: PolicyVersionsService, db: TenantDb, facts: FactConfirmationsService) {
    this.sources = [new TodaySection(requests, db, facts), new OverdueRequestsSection(requests), new DueSoonSection(requests), new IdentityWaitingSection(requests), new WithdrawalLimitSection(requests), new BreachClockSection(breaches), new PolicyChangeSection(policies), new ChartsSection(charts)];
  }

  sections(ctx: HomeContext): Promise<HomeSectionView[]> {
    return Promise.all(this.sources.filter((s) => ctx.tenant.permissions.includes(s.permission) && (s.applies?.(ctx) ?? true)).map((s) => s.load(ctx)));
  }
}
