import { Logger } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { EmailNotCommittedError, MailDeliveryService } from '@regula/mail';
import { JobData, QueueName, TenantContext } from '@regula/platform';
import { handles } from '../job-handlers';

handles('send-email');

/** Attempts during which a missing e-mail row is taken for a transaction still committing. */
const UNCOMMITTED_GRACE_ATTEMPTS = 2;

/** Sends outbox e-mails by SMTP; delegates to MailDeliveryService (libs/mail). */
@Processor(QueueName.Mail)
export class MailProcessor extends WorkerHost {
  private readonly logger = new Logger('mail');

  constructor(private readonly delivery: MailDeliveryService, private readonly ctx: TenantContext) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case 'send-email': {
        const { tenantId, emailId } = job.data as JobData<'send-email'>;
        const attempt = job.attemptsMade + 1;
        const maxAttempts = job.opts.attempts ?? 1;
        const send = async () => {
          try {
            return await this.delivery.deliver(tenantId, emailId, {
              finalAttempt: attempt >= maxAttempts,
              mayBeUncommitted: attempt <= UNCOMMITTED_GRACE_ATTEMPTS && attempt < maxAttempts,
            });
          } catch (e) {
            if (!(e instanceof EmailNotCommittedError)) this.logger.warn(`send-email ${emailId}, attempt ${attempt}/${maxAttempts}: ${(e as Error).message}`);
            throw e;
          }
        };
        // A platform e-mail (tenantId null) belongs to no tenant: no tenant context.
        return tenantId === null ? send() : this.ctx.run(tenantId, null, send);
      }
      default:
        throw new Error(`no handler for job ${job.name}`);
    }
  }
}
