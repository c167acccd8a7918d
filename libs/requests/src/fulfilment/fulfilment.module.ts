import { Module } from '@nestjs/common';
import { IngestModule, WebhookOutboxService } from '@regula/ingest';
import { SubjectsModule } from '@regula/subjects';
import { RequestsModule } from '../requests.module';
import { AccessService } from './access.service';
import { AccessPackageBuilds } from './access-package-builds.service';
import { FulfilmentRecorder } from './fulfilment-record.service';
import { PackageJobHandlers } from './package-job-handlers';
import { ArtifactStore } from './artifact-store.service';
import { ConsentWithdrawalService } from './consent-withdrawal.service';
import { ErasureService } from './erasure.service';
import { FulfilmentPlans } from './fulfilment-plans.store';
import { FulfilmentService } from './fulfilment.service';
import { FULFILMENT_WEBHOOKS } from './fulfilment.types';
import { ObjectionService } from './objection.service';
import { PortabilityService } from './portability.service';
import { RecipientsReportService } from './recipients-report.service';
import { RectificationService } from './rectification.service';
import { RestrictionService } from './restriction.service';
import { WithdrawalOnReceipt } from './withdrawal-on-receipt.service';

/**
 * Fulfilment of each right from the registers and the stored data. Needs the
 * global Database, Audit and Registers modules; the requests core
 * (REQUESTS_PORT) and the webhook outbox come from their modules.
 */
@Module({
  imports: [RequestsModule, IngestModule, SubjectsModule],
  providers: [
    FulfilmentService, FulfilmentPlans, ArtifactStore, AccessService, PortabilityService, ErasureService, RectificationService,
    RestrictionService, ObjectionService, ConsentWithdrawalService, RecipientsReportService, WithdrawalOnReceipt,
    FulfilmentRecorder, AccessPackageBuilds, PackageJobHandlers,
    { provide: FULFILMENT_WEBHOOKS, useExisting: WebhookOutboxService },
  ],
  exports: [FulfilmentService, AccessPackageBuilds, PackageJobHandlers],
})
export class FulfilmentModule {}
