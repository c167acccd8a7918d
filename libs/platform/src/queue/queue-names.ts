/**
 * Every BullMQ queue and the typed payload of each job (DESIGN.md "Queues").
 * Payloads carry ids plus tenantId, never personal data; handlers reload state
 * from Postgres. The worker refuses to boot when a job name listed here has no
 * handler.
 */
export enum QueueName {
  Audit = 'audit',
}

export type JobPayload =
  /** Fans out one verify-chain job per tenant (scheduled daily). */
  | { queue: QueueName.Audit; name: 'verify-all-chains'; data: Record<string, never> }
  /** Verifies one tenant's audit hash chain. */
  | { queue: QueueName.Audit; name: 'verify-chain'; data: { tenantId: string } };

export type JobName = JobPayload['name'];
export type JobData<N extends JobName> = Extract<JobPayload, { name: N }>['data'];

/** Job names per queue, for the worker's boot-time handler check. */
export const JOB_NAMES: Record<QueueName, JobName[]> = {
  [QueueName.Audit]: ['verify-all-chains', 'verify-chain'],
};

/** Default options: retries with exponential backoff, failures kept for inspection. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10000 },
  removeOnFail: false,
} as const;
