import { Module } from '@nestjs/common';
import { MailModule } from '@regula/mail';
import { IngestModule } from '@regula/ingest';
import { SubjectsModule } from '@regula/subjects';
import { PolicyVersionsService } from './policy-versions.service';
import { PolicyAnnouncerService } from './policy-announcer.service';
import { ConsentRenewals } from './consent-renewals.service';
import { PublishPreviewService } from './publish-preview.service';

/** Privacy-policy versions: drafts, publishing, the archive, material-change announcements. */
@Module({
  imports: [MailModule, IngestModule, SubjectsModule],
  providers: [PolicyVersionsService, PolicyAnnouncerService, ConsentRenewals, PublishPreviewService],
  exports: [PolicyVersionsService, PolicyAnnouncerService, PublishPreviewService],
})
export class PolicyVersionsModule {}
