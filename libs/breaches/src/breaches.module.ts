import { Module } from '@nestjs/common';
import { MailModule } from '@regula/mail';
import { BreachesService } from './breaches.service';
import { BreachClockScheduler } from './breach-clock.scheduler';
import { BreachClockJobs } from './breach-clock-jobs.service';

/** The breach register and its 72-hour clock (GDPR Art. 33, 34). */
@Module({
  imports: [MailModule],
  providers: [BreachesService, BreachClockScheduler, BreachClockJobs],
  exports: [BreachesService, BreachClockScheduler, BreachClockJobs],
})
export class BreachesModule {}
