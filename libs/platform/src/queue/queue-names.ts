/**
 * Every BullMQ queue and the typed payload of each job.
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
  /** Rights-request SLA: reminders, overdue escalation, extension alarm, and their sweep. */
  Sla = 'sla',
  /** Consent withdrawals that take effect at a later date, and their sweep. */
  Consent = 'consent',
  /** The 72-hour breach notification clock (GDPR Art. 33(1)): reminders, the deadline flag, and their sweep. */
  Breach = 'breach',
  /** Retention sweeps that erase or anonymise due records, and due-date recomputation. */
  Retention = 'retention',
  /** Material privacy-policy changes e-mailed to the tenant's account holders. */
  Policy = 'policy',
  /** Access packages built from the stored records, streamed to storage (libs/requests), and their sweep. */
  Packages = 'packages',
  /** The platform's watch on the other queues (a paused queue e-mails the platform admins); not on the queue board, so the board cannot pause it. */
  Monitor = 'monitor',
}

export type JobPayload =
  /** Fans out one verify-chain job per tenant (scheduled daily). */
  | { queue: QueueName.Audit; name: 'verify-all-chains'; data: Record<string, never> }
  /** Verifies one tenant's whole audit chain and publishes its signed head. */
  | { queue: QueueName.Audit; name: 'verify-chain'; data: { tenantId: string } }
  /** Hourly (and once at worker start): every chain verified from its last checkpoint, legacy heads sealed, grown heads signed and published. */
  | { queue: QueueName.Audit; name: 'publish-checkpoints'; data: Record<string, never> }
  /** Daily: the signed head of every chain e-mailed to the platform admins (a copy the database owner cannot reach). */
  | { queue: QueueName.Audit; name: 'mail-chain-heads'; data: Record<string, never> }
  /** Every minute: chains audit entries a one-trip unit committed and nothing chained since (its process died in between). */
  | { queue: QueueName.Audit; name: 'audit-pending-sweep'; data: Record<string, never> }
  /** Delivers one webhook of the outbox (jobId: the delivery id). */
  | { queue: QueueName.Webhooks; name: 'deliver-webhook'; data: { tenantId: string; deliveryId: string } }
  /** Finds pending deliveries whose time has come (a lost job is caught here). */
  | { queue: QueueName.Webhooks; name: 'sweep-webhooks'; data: Record<string, never> }
  /** Sends one e-mail of the outbox by SMTP (jobId: the e-mail id); tenantId null: an e-mail of the platform (to its admins). */
  | { queue: QueueName.Mail; name: 'send-email'; data: { tenantId: string | null; emailId: string } }
  /** Every minute: adds the send-email job again for an e-mail still pending whose job was lost (libs/mail MailSweep). */
  | { queue: QueueName.Mail; name: 'mail-sweep'; data: Record<string, never> }
  /** One SLA notice of a request (jobId: request + kind + due instant); a no-op when the request's due date or state moved on or it was sent. */
  | { queue: QueueName.Sla; name: 'sla-reminder'; data: { tenantId: string; requestId: string; kind: string; dueAt: string } }
  /** Every 5 minutes: sends what is due and not sent, marks overdue requests (a lost job is caught here). */
  | { queue: QueueName.Sla; name: 'sla-sweep'; data: Record<string, never> }
  /** Hourly: reminds requesters whose identity information is awaited, closes the requests that waited too long (libs/requests IdentityWaitSweep). */
  | { queue: QueueName.Sla; name: 'identity-wait-sweep'; data: Record<string, never> }
  /** Applies one consent withdrawal on its effective date (jobId: consent id + effective time); a no-op before it or once applied. */
  | { queue: QueueName.Consent; name: 'consent-effect'; data: { tenantId: string; consentId: string } }
  /** Every 5 minutes: applies withdrawals whose effective date passed without effect, schedules future ones. */
  | { queue: QueueName.Consent; name: 'consent-sweep'; data: Record<string, never> }
  /** One step of a breach's 72-hour clock: a reminder before the deadline, or the deadline-passed flag (jobId: breach + step + deadline); a no-op once notified or sent. */
  | { queue: QueueName.Breach; name: 'breach-clock'; data: { tenantId: string; breachId: string; kind: 'reminder-48h' | 'reminder-24h' | 'reminder-6h' | 'deadline-passed' } }
  /** Every 5 minutes: runs breach clock steps that are due and were missed (a lost job is caught here). */
  | { queue: QueueName.Breach; name: 'breach-sweep'; data: Record<string, never> }
  /** Starts today's retention run of every tenant (scheduled daily; also on demand). */
  | { queue: QueueName.Retention; name: 'retention-sweep-all'; data: Record<string, never> }
  /** Runs or resumes one retention run (jobId: retention-sweep-<runId>). */
  | { queue: QueueName.Retention; name: 'retention-sweep'; data: { tenantId: string; runId: string } }
  /** Recomputes the due dates of one register's records after its retention rules changed. */
  | { queue: QueueName.Retention; name: 'retention-recompute'; data: { tenantId: string; registerKey: string } }
  /** E-mails a material policy change to every account holder not yet told (jobId: policy-announce-<versionId>); resumable. */
  | { queue: QueueName.Policy; name: 'policy-announce'; data: { tenantId: string; versionId: string } }
  /** Builds (or redoes) one access package of a confirmed access request (jobId: access-package-<buildId>); a no-op once done. */
  | { queue: QueueName.Packages; name: 'build-access-package'; data: { tenantId: string; buildId: string } }
  /** Every 5 minutes: adds the job again for a build still under way whose job was lost. */
  | { queue: QueueName.Packages; name: 'package-build-sweep'; data: Record<string, never> }
  /** Every minute: a queue paused for over an hour e-mails the platform admins, once per pause. */
  | { queue: QueueName.Monitor; name: 'check-paused-queues'; data: Record<string, never> };

export type JobName = JobPayload['name'];
export type JobData<N extends JobName> = Extract<JobPayload, { name: N }>['data'];

/** Job names per queue, for the worker's boot-time handler check. */
export const JOB_NAMES: Record<QueueName, JobName[]> = {
  [QueueName.Audit]: ['verify-all-chains', 'verify-chain', 'publish-checkpoints', 'mail-chain-heads', 'audit-pending-sweep'],
  [QueueName.Webhooks]: ['deliver-webhook', 'sweep-webhooks'],
  [QueueName.Mail]: ['send-email', 'mail-sweep'],
  [QueueName.Sla]: ['sla-reminder', 'sla-sweep', 'identity-wait-sweep'],
  [QueueName.Consent]: ['consent-effect', 'consent-sweep'],
  [QueueName.Breach]: ['breach-clock', 'breach-sweep'],
  [QueueName.Retention]: ['retention-sweep-all', 'retention-sweep', 'retention-recompute'],
  [QueueName.Policy]: ['policy-announce'],
  [QueueName.Packages]: ['build-access-package', 'package-build-sweep'],
  [QueueName.Monitor]: ['check-paused-queues'],
};

/** Default options: retries with exponential backoff, failures kept for inspection. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10000 },
  removeOnFail: false,
} as const;
