import { Module } from '@nestjs/common';
import { MailModule } from '@regula/mail';
import { SubjectsModule } from '@regula/subjects';
import { PolicyVersionsService } from './policy-versions.service';
import { PolicyAnnouncerService } from './policy-announcer.service';
import { ConsentRenewals } from './consent-renewals.service';

/** Privacy-policy versions: drafts, publishing, the archive, material-change announcements. */
@Module({
  imports: [MailModule, SubjectsModule],
  providers: [PolicyVersionsService, PolicyAnnouncerService, ConsentRenewals],
  exports: [PolicyVersionsService, PolicyAnnouncerService],
})
export class PolicyVersionsModule {}
