import { DynamicModule, Provider, Type } from '@nestjs/common';
import { AUDIT_HEADS_MAILER, AuditJobHandlers } from '@regula/audit';
import { SignInLinkSecretModule } from '@regula/auth';
import { BreachesModule, BreachJobHandlers } from '@regula/breaches';
import { ConsentJobHandlers, ConsentModule } from '@regula/consent';
import { AuditHeadsMail, MailJobHandlers, MailModule, OutboxWakeListener } from '@regula/mail';
import { JobHandlerTable, QueueName } from '@regula/platform';
import { PolicyJobHandlers, PolicyVersionsModule } from '@regula/policies';
import { FulfilmentModule, PackageJobHandlers, RequestMailSecretsModule, RequestsModule } from '@regula/requests';
import { RetentionJobHandlers, RetentionModule } from '@regula/retention';
import { SlaJobHandlers, SlaModule } from '@regula/sla';
import { IngestModule, WebhookJobHandlers } from '@regula/ingest';
import { PausedQueueWatch } from './queue-watch/paused-queue-watch.service';
import { QueueWatchJobHandlers } from './queue-watch/queue-watch-job-handlers';
import { QueueWorkerOptions } from './queue-host';

/** How the worker hosts one queue. */
export interface QueueWorker<Q extends QueueName> {
  /** The queue's handler table, declared next to the services that do the work. */
  handlers: Type<JobHandlerTable<Q>>;
  /** The modules those services come from. */
  imports: (Type<unknown> | DynamicModule)[];
  /** What the handlers need that no imported module provides. */
  providers?: Provider[];
  /** BullMQ worker options; none: BullMQ's defaults (one job at a time). */
  options?: QueueWorkerOptions;
}

/** Every queue the worker hosts, one BullMQ worker each; their schedulers are in `schedules.ts`. */
export const WORKER_QUEUES: { [Q in QueueName]: QueueWorker<Q> } = {
  // The daily heads e-mail is written by libs/mail (which imports audit, so audit cannot import it): bound to audit's port here.
  [QueueName.Audit]: { handlers: AuditJobHandlers, imports: [MailModule], providers: [AuditHeadsMail, { provide: AUDIT_HEADS_MAILER, useExisting: AuditHeadsMail }] },
  [QueueName.Webhooks]: { handlers: WebhookJobHandlers, imports: [IngestModule] },
  // The e-mails' secrets are minted as they are sent, by the libs that own them (requests, auth);
  // a web filing's e-mails are queued by the worker hearing their insert (OutboxWakeListener).
  [QueueName.Mail]: { handlers: MailJobHandlers, imports: [MailModule, RequestMailSecretsModule, SignInLinkSecretModule], providers: [OutboxWakeListener] },
  // The identity-wait sweep is libs/requests' (IdentityWaitSweep), run on the SLA queue.
  [QueueName.Sla]: { handlers: SlaJobHandlers, imports: [SlaModule, RequestsModule] },
  [QueueName.Consent]: { handlers: ConsentJobHandlers, imports: [ConsentModule] },
  [QueueName.Breach]: { handlers: BreachJobHandlers, imports: [BreachesModule] },
  [QueueName.Retention]: {
    handlers: RetentionJobHandlers,
    imports: [RetentionModule],
    // A sweep job may run long: a short lock (renewed while it runs) and a short
    // stall check let a restarted worker resume a killed worker's sweep within
    // seconds; the sweep is resumable, so a stalled job may be retried often.
    options: { concurrency: 2, lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 20 },
  },
  [QueueName.Policy]: { handlers: PolicyJobHandlers, imports: [PolicyVersionsModule] },
  // A package is built one at a time per worker (it holds a batch of records and a chunk per format in memory);
  // a short lock lets a restarted worker redo a killed worker's build within seconds.
  [QueueName.Packages]: {
    handlers: PackageJobHandlers,
    imports: [FulfilmentModule],
    options: { concurrency: 1, lockDuration: 30_000, stalledInterval: 15_000, maxStalledCount: 5 },
  },
  // The watch on the other queues, on a queue of its own that the board does not show.
  [QueueName.Monitor]: { handlers: QueueWatchJobHandlers, imports: [MailModule], providers: [PausedQueueWatch] },
};
