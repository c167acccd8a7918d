import { Module } from '@nestjs/common';
import { MailModule } from '@regula/mail';
import { slaOptionsProvider } from './sla-options';
import { SlaScheduler } from './sla-scheduler.service';
import { SlaService } from './sla.service';

/**
 * The one-month SLA of rights requests (libs/sla): reminders to the
 * compliance admins, overdue marking and escalation, the extension alarm.
 * Needs the global platform modules (config, database, queues) and AuditModule.
 * Importing it in an app schedules the notices of the requests that app files
 * or changes (SlaScheduler handles RequestClockChanged of libs/requests).
 */
@Module({
  imports: [MailModule],
  providers: [slaOptionsProvider, SlaService, SlaScheduler],
  exports: [SlaService, SlaScheduler],
})
export class SlaModule {}
