import { JobSchedulerTemplateOptions, JobsOptions, RepeatOptions } from 'bullmq';
import { JobData, QueueJobName, QueueName } from '@regula/platform';

/** One job of a queue, its payload typed by its name. */
type QueueJob<Q extends QueueName, O> = { [N in QueueJobName<Q>]: { name: N; data: JobData<N>; opts?: O } }[QueueJobName<Q>];

/** A repeatable job: `id` is fixed, so every worker upserts the same scheduler rather than adding one of its own. */
export interface RepeatableJob<Q extends QueueName> {
  id: string;
  repeat: Omit<RepeatOptions, 'key'>;
  job: QueueJob<Q, JobSchedulerTemplateOptions>;
}

/** What a queue's host adds when the worker starts: its schedulers, then any one-off jobs. */
export interface QueueSchedule<Q extends QueueName> {
  repeat: RepeatableJob<Q>[];
  atStart?: QueueJob<Q, JobsOptions & { jobId: string }>[];
}

export const SWEEP_SCHEDULER_ID = 'sweep-webhooks-30s';
export const SLA_SWEEP_SCHEDULER_ID = 'sla-sweep-5m';
export const IDENTITY_WAIT_SCHEDULER_ID = 'identity-wait-sweep-hourly';
export const CONSENT_SWEEP_SCHEDULER_ID = 'consent-sweep-5m';
export const BREACH_SWEEP_SCHEDULER_ID = 'breach-sweep-5min';
export const RETENTION_SCHEDULER_ID = 'retention-sweep-all-daily';
export const PACKAGE_BUILD_SWEEP_SCHEDULER_ID = 'package-build-sweep-5m';
export const QUEUE_WATCH_SCHEDULER_ID = 'check-paused-queues-1m';
export const MAIL_SWEEP_SCHEDULER_ID = 'mail-sweep-1m';
export const AUDIT_PENDING_SCHEDULER_ID = 'audit-pending-sweep-1m';

const FIVE_MINUTES = 5 * 60_000;

/**
 * Every queue's repeatable jobs, declared once (times in UTC). The sweeps
 * catch what a lost job left; the ids are those the schedulers have always had,
 * so a deployed Redis keeps one scheduler per id.
 */
export const SCHEDULES: { [Q in QueueName]: QueueSchedule<Q> } = {
  [QueueName.Audit]: {
    repeat: [
      { id: 'verify-all-chains-daily', repeat: { pattern: '15 3 * * *', tz: 'UTC' }, job: { name: 'verify-all-chains', data: {} } },
      { id: 'publish-checkpoints-hourly', repeat: { pattern: '5 * * * *', tz: 'UTC' }, job: { name: 'publish-checkpoints', data: {} } },
      { id: 'mail-chain-heads-daily', repeat: { pattern: '45 3 * * *', tz: 'UTC' }, job: { name: 'mail-chain-heads', data: {} } },
      { id: AUDIT_PENDING_SCHEDULER_ID, repeat: { every: 60_000 }, job: { name: 'audit-pending-sweep', data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } } },
    ],
    // Once at start, so chains from before the audit key are sealed without waiting for the hour (freed when done: the next start adds it again).
    atStart: [{ name: 'publish-checkpoints', data: {}, opts: { jobId: 'publish-checkpoints-at-start', removeOnComplete: true } }],
  },
  [QueueName.Webhooks]: { repeat: [{ id: SWEEP_SCHEDULER_ID, repeat: { every: 30_000 }, job: { name: 'sweep-webhooks', data: {} } }] },
  [QueueName.Mail]: { repeat: [{ id: MAIL_SWEEP_SCHEDULER_ID, repeat: { every: 60_000 }, job: { name: 'mail-sweep', data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } } }] },
  [QueueName.Sla]: {
    repeat: [
      { id: SLA_SWEEP_SCHEDULER_ID, repeat: { every: FIVE_MINUTES }, job: { name: 'sla-sweep', data: {} } },
      { id: IDENTITY_WAIT_SCHEDULER_ID, repeat: { every: 60 * 60_000 }, job: { name: 'identity-wait-sweep', data: {} } },
    ],
  },
  [QueueName.Consent]: { repeat: [{ id: CONSENT_SWEEP_SCHEDULER_ID, repeat: { every: FIVE_MINUTES }, job: { name: 'consent-sweep', data: {} } }] },
  [QueueName.Breach]: { repeat: [{ id: BREACH_SWEEP_SCHEDULER_ID, repeat: { every: FIVE_MINUTES }, job: { name: 'breach-sweep', data: {} } }] },
  [QueueName.Retention]: { repeat: [{ id: RETENTION_SCHEDULER_ID, repeat: { pattern: '30 2 * * *', tz: 'UTC' }, job: { name: 'retention-sweep-all', data: {} } }] },
  [QueueName.Policy]: { repeat: [] },
  [QueueName.Packages]: { repeat: [{ id: PACKAGE_BUILD_SWEEP_SCHEDULER_ID, repeat: { every: FIVE_MINUTES }, job: { name: 'package-build-sweep', data: {} } }] },
  [QueueName.Monitor]: {
    repeat: [{ id: QUEUE_WATCH_SCHEDULER_ID, repeat: { every: 60_000 }, job: { name: 'check-paused-queues', data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } } }],
  },
};
