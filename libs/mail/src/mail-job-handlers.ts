import { Injectable, Logger } from '@nestjs/common';
import { JobHandlerTable, JobHandlers, QueueName } from '@regula/platform';
import { EmailNotCommittedError, MailDeliveryService } from './mail-delivery.service';
import { MailSweep } from './mail-sweep.service';

/** Attempts during which a missing e-mail row is taken for a transaction still committing. */
const UNCOMMITTED_GRACE_ATTEMPTS = 2;

/** The mail queue's jobs (hosted by the worker): one outbox e-mail sent by SMTP, a tenant's or (tenantId null) the platform's; the sweep that requeues a pending e-mail whose job was lost. */
@Injectable()
export class MailJobHandlers implements JobHandlerTable<QueueName.Mail> {
  private readonly logger = new Logger('mail');

  constructor(private readonly delivery: MailDeliveryService, private readonly mailSweep: MailSweep) {}

  readonly handlers: JobHandlers<QueueName.Mail> = {
    'send-email': async ({ tenantId, emailId }, attempt) => {
      try {
        return await this.delivery.deliver(tenantId, emailId, {
          finalAttempt: attempt.final,
          mayBeUncommitted: attempt.number <= UNCOMMITTED_GRACE_ATTEMPTS && !attempt.final,
        });
      } catch (e) {
        if (!(e instanceof EmailNotCommittedError)) this.logger.warn(`send-email ${emailId}, attempt ${attempt.number}/${attempt.of}: ${(e as Error).message}`);
        throw e;
      }
    },
    'mail-sweep': async () => {
      const requeued = await this.mailSweep.sweep();
      if (requeued) this.logger.warn(`sweep: ${requeued} pending e-mails had lost their send job; requeued`);
      return { requeued };
    },
  };
}
