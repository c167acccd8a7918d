import { LandingController } from './landing/landing.controller';
import { OnboardingModule } from '@regula/onboarding';
import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { RequestsModule } from '@regula/requests';
import { PolicyVersionsModule } from '@regula/policies';
import { PrivacyPagesController } from './privacy/privacy-pages.controller';
import { PrivacyPagesService } from './privacy/privacy-pages.service';
import { PublicPagesController } from './public-pages.controller';
import { PublicAssetsController } from './public-assets.controller';
import { PublicPagesService } from './public-pages.service';
import { PublicSiteService } from './public-site.service';
import { PublicRenderer } from './public-renderer';
import { PublicRateLimitGuard } from './public-rate-limit.guard';
import { PublicExceptionFilter } from './public-exception.filter';
import { IntakeGate } from './intake-gate.guard';
import { publicPageHeaders } from '../web/public-page.headers';
import { PackageDownloadController } from './package-download.controller';
import { DownloadRateLimitGuard } from '../fulfilment/download-rate-limit.guard';
import { PageGenerations } from './cache/page-generations';
import { PublicPageCache } from './cache/public-page-cache';

/** Tenant-branded public pages under /t/:tenant/ (the data subject's side of rights requests). */
@Module({
  imports: [RequestsModule, PolicyVersionsModule, OnboardingModule],
  controllers: [LandingController, PublicAssetsController, PrivacyPagesController, PublicPagesController, PackageDownloadController],
  providers: [DownloadRateLimitGuard, PublicRenderer, PublicSiteService, PublicPagesService, PublicRateLimitGuard, PublicExceptionFilter, PrivacyPagesService, IntakeGate, PageGenerations, PublicPageCache],
})
export class PublicPagesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // The HTML pages' headers (CSP, no-store, Vary) on every route of the subject's pages and downloads.
    consumer.apply(publicPageHeaders).forRoutes(PublicPagesController, PackageDownloadController);
  }
}
