import { Module } from '@nestjs/common';
import { MailModule } from '@regula/mail';
import { slaOptionsProvider } from './sla-options';
import { SlaRequestSubscriber } from './sla-request.subscriber';
import { SlaScheduler } from './sla-scheduler.service';
import { SlaService } from './sla.service';

/**
 * The one-month SLA of rights requests (libs/sla): reminders to the
 * compliance admins, overdue marking and escalation, the extension alarm.
 * Needs the global platform modules (config, database, queues) and AuditModule.
 * Importing it anywhere in an app hooks the requests core (SlaRequestSubscriber).
 */
@Module({
  imports: [MailModule],
  providers: [slaOptionsProvider, SlaService, SlaScheduler, SlaRequestSubscriber],
  exports: [SlaService, SlaScheduler],
})
export class SlaModule {}
