/**
 * Every BullMQ queue and the typed payload of each job (DESIGN.md "Queues").
 * Payloads carry ids plus tenantId, never personal data; handlers reload state
 * from Postgres. The worker refuses to boot when a job name listed here has no
 * handler.
 */
export enum QueueName {
  Audit = 'audit',
  /** Signed webhooks to tenants' source systems, from the webhook outbox. */
  Webhooks = 'webhooks',
  /** E-mails of the outbox, sent by SMTP when configured. */
  Mail = 'mail',
}

export type JobPayload =
  /** Fans out one verify-chain job per tenant (scheduled daily). */
  | { queue: QueueName.Audit; name: 'verify-all-chains'; data: Record<string, never> }
  /** Verifies one tenant's audit hash chain. */
  | { queue: QueueName.Audit; name: 'verify-chain'; data: { tenantId: string } }
  /** Delivers one webhook of the outbox (jobId: the delivery id). */
  | { queue: QueueName.Webhooks; name: 'deliver-webhook'; data: { tenantId: string; deliveryId: string } }
  /** Finds pending deliveries whose time has come (a lost job is caught here). */
  | { queue: QueueName.Webhooks; name: 'sweep-webhooks'; data: Record<string, never> }
  /** Sends one e-mail of the outbox by SMTP (jobId: the e-mail id). */
  | { queue: QueueName.Mail; name: 'send-email'; data: { tenantId: string; emailId: string } };

export type JobName = JobPayload['name'];
export type JobData<N extends JobName> = Extract<JobPayload, { name: N }>['data'];

/** Job names per queue, for the worker's boot-time handler check. */
export const JOB_NAMES: Record<QueueName, JobName[]> = {
  [QueueName.Audit]: ['verify-all-chains', 'verify-chain'],
  [QueueName.Webhooks]: ['deliver-webhook', 'sweep-webhooks'],
  [QueueName.Mail]: ['send-email'],
};

/** Default options: retries with exponential backoff, failures kept for inspection. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10000 },
  removeOnFail: false,
} as const;
