import { Module } from '@nestjs/common';
import { MailModule } from '@regula/mail';
import { PolicyVersionsService } from './policy-versions.service';
import { PolicyAnnouncerService } from './policy-announcer.service';

/** Privacy-policy versions: drafts, publishing, the archive, material-change announcements. */
@Module({
  imports: [MailModule],
  providers: [PolicyVersionsService, PolicyAnnouncerService],
  exports: [PolicyVersionsService, PolicyAnnouncerService],
})
export class PolicyVersionsModule {}
