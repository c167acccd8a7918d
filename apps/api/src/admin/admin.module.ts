import { Module } from '@nestjs/common';
import { AuthModule } from '@regula/auth';
import { BreachesModule } from '@regula/breaches';
import { RequestsModule, FulfilmentModule } from '@regula/requests';
import { AdminSessionController } from './session/admin-session.controller';
import { AdminSessionGuard } from './session/admin-session.guard';
import { AdminSessionService } from './session/admin-session.service';
import { LoginNoticeService } from './session/login-notice.service';
import { AdminAssetsController } from './shared/admin-assets.controller';
import { AdminExceptionFilter } from './shared/admin-exception.filter';
import { AdminPages } from './shared/admin-pages.service';
import { AdminTenantGuard } from './shared/admin-tenant.guard';
import { AdminHomeController } from './home/admin-home.controller';
import { HomeService } from './home/home.service';
import { ChartQueries } from './home/charts/chart-queries.service';
import { AdminAuditController } from './audit/admin-audit.controller';
import { AuditLogPages } from './audit/audit-log.service';
import { AuditLogExport } from './audit/audit-log-export.service';
import { BreachRegisterExport } from '../breaches/export/breach-register-export.service';
import { AdminUsersController } from './users/admin-users.controller';
import { AdminRequestsController } from './requests/admin-requests.controller';
import { AdminFulfilmentPreviewController } from './requests/admin-fulfilment-preview.controller';
import { AdminRequestRepliesController } from './requests/admin-request-replies.controller';
import { AdminRequestChannelController } from './requests/admin-request-channel.controller';
import { RequestChannelPanel } from './requests/request-channel.panel';
import { RequestDetailPage } from './requests/request-detail.page';
import { AdminRequestIntakeController } from './requests/admin-request-intake.controller';
import { AdminRequestRecordController } from './requests/admin-request-record.controller';
import { AdminReplyUploadGuard } from './requests/reply-upload.guard';
import { AdminRecordUploadGuard } from './requests/record-upload.guard';
import { RequestQueue } from './requests/request-queue.service';
import { RequestListExportService } from '../requests/export/request-list-export.service';
import { PolicyVersionsModule } from '@regula/policies';
import { AdminRegistersController } from './registers/admin-registers.controller';
import { AdminRegisterFormsController } from './registers/register-forms.controller';
import { AdminFactsController } from './facts/admin-facts.controller';
import { FactsPage } from './facts/facts-page.service';
import { AdminLintScriptController } from './registers/admin-lint-script.controller';
import { RegisterPages } from './registers/register-pages.service';
import { AdminPoliciesController } from './policies/admin-policies.controller';
import { PolicyPages } from './policies/policy-pages.service';
import { ExportsModule } from '@regula/exports';
import { AdminExportsController } from './exports/admin-exports.controller';
import { AdminRecordImportController } from './record-import/admin-record-import.controller';
import { AdminRequestHistoryController } from './request-history/admin-request-history.controller';
import { RequestHistoryImports } from '../requests/history/request-history-imports.service';
import { AdminHeldImportUploadGuard } from './shared/held-import-upload.guard';

import { MailModule } from '@regula/mail';
import { RetentionModule } from '@regula/retention';
import { SubjectsModule } from '@regula/subjects';
import { AdminRetentionController } from './retention/admin-retention.controller';
import { RetentionPage } from './retention/retention-page.service';
import { AdminConsentsController } from './consents/admin-consents.controller';
import { ConsentsPage } from './consents/consents-page.service';
import { AdminDisclosuresController } from './disclosures/admin-disclosures.controller';
import { DisclosuresPage } from './disclosures/disclosures-page.service';
import { AdminBreachesController } from './breaches/admin-breaches.controller';
import { BreachListPage } from './breaches/breach-list.service';
import { AdminOutboxController } from './outbox/admin-outbox.controller';
import { OnboardingModule } from '@regula/onboarding';
import { AdminControllerFactsController } from './controller/admin-controller-facts.controller';
import { AdminLogoUploadGuard } from './controller/logo-upload.guard';
import { AdminPlatformTenantsController } from './platform/admin-platform-tenants.controller';
import { AdminPlatformUploadGuard } from './platform/platform-upload.guard';
import { AdminSsoController } from './sso/admin-sso.controller';
import { AdminSsoSignInController } from './session/admin-sso-sign-in.controller';

/**
 * The compliance admin's dashboard: server-rendered pages under /admin
 * (no JavaScript), on the same services as the REST API. See README.md here
 * for adding a page.
 */
@Module({
  imports: [AuthModule, RequestsModule, FulfilmentModule, BreachesModule, PolicyVersionsModule, RetentionModule, SubjectsModule, MailModule, ExportsModule, OnboardingModule],
  // Order matters where paths overlap: AdminRegisterFormsController (/registers/new) before AdminRegistersController (/registers/:key).
  controllers: [AdminAssetsController, AdminSessionController, AdminHomeController, AdminRequestRepliesController, AdminRequestRecordController, AdminRequestIntakeController, AdminRequestChannelController, AdminFulfilmentPreviewController, AdminRequestsController, AdminAuditController, AdminUsersController, AdminRegisterFormsController, AdminRegistersController, AdminFactsController, AdminLintScriptController, AdminPoliciesController, AdminRetentionController, AdminConsentsController, AdminDisclosuresController, AdminBreachesController, AdminOutboxController, AdminExportsController, AdminControllerFactsController, AdminPlatformTenantsController, AdminRecordImportController, AdminSsoController, AdminSsoSignInController, AdminRequestHistoryController],
  providers: [AdminSessionService, LoginNoticeService, AdminSessionGuard, AdminTenantGuard, AdminReplyUploadGuard, AdminRecordUploadGuard, AdminLogoUploadGuard, AdminPlatformUploadGuard, AdminPages, AdminExceptionFilter, HomeService, RequestQueue, RequestListExportService, RequestChannelPanel, RequestDetailPage, ChartQueries, AuditLogPages, AuditLogExport, RegisterPages, FactsPage, PolicyPages, RetentionPage, ConsentsPage, DisclosuresPage, BreachListPage, BreachRegisterExport, AdminHeldImportUploadGuard, RequestHistoryImports],
  // The queue board signs in with the same login CSRF and writes its pages in the same languages.
  exports: [AdminSessionService, AdminPages],
})
export class AdminModule {}
