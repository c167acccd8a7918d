/**
 * Every action code the audit log records (AuditInput.action is one of them, so a new
 * code is added here first; the dashboard's catalogues label each one under
 * `audit.actions.<code>`, checked by the admin i18n spec). Kept in groups by what they concern.
 */
export const AUDIT_ACTIONS = [
  // Sign-in and accounts
  'auth.login', 'auth.login-failed', 'auth.logout', 'auth.password-changed', 'auth.sign-in-link-sent', 'auth.sso-refused', 'sso.settings-changed',
  'user.created', 'membership.created', 'membership.updated', 'membership.revoked',
  // The controller (tenant)
  'tenant.created', 'tenant.updated', 'tenant.archived', 'tenant.suspended', 'tenant.resumed', 'tenant.deletion-planned', 'tenant.deleted',
  'fact.confirmed', 'fact.confirmed-for-demo',
  // Registers and policies
  'register.created', 'register.versioned', 'register.retired', 'registers.imported', 'registers.import-held',
  'policy.draft-created', 'policy.announced', 'policy.published',
  // Rights requests (GDPR Art. 12-22)
  'request.received', 'request.recorded', 'request.email-confirmed', 'request.code-resent', 'request.awaiting-identity',
  'request.identity-information-received', 'request.identity-reminded', 'request.identity-verified', 'request.identity-confirmed',
  'request.identity-not-confirmed', 'request.evidence-uploaded', 'request.evidence-rejected', 'request.intake-confirmed',
  'request.requester-corrected', 'request.subject-linked', 'request.assigned', 'request.note.added', 'request.message-sent',
  'request.letter-written', 'request.letter-sent', 'request.fee-requested', 'request.extended', 'request.extension-alarm',
  'request.sla-reminder', 'request.overdue', 'request.withdrawal-limit-alarm', 'request.withdrawal-limit-passed',
  'request.fulfilment.previewed', 'request.fulfilled', 'request.reply-uploaded', 'request.download-code-sent',
  'request.package.downloaded', 'request.completed', 'request.refused', 'request.withdrawn', 'request.reopened', 'request.expired-unconfirmed',
  'request.merged', 'request.merged-in', 'requests.imported', 'requests.import-held',
  // Breaches (GDPR Art. 33, 34)
  'breach.recorded', 'breach.updated', 'breach.authority-notified', 'breach.subjects-notified', 'breach.subjects-exemption',
  'breach.reminder-sent', 'breach.deadline-passed', 'breach.closed', 'breach.reopened',
  // Records, consents and source systems
  'record.erased', 'record.rectified', 'record.restricted', 'record.legal-hold.placed', 'record.legal-hold.lifted',
  'consent.withdrawal-applied', 'ingest.batch', 'webhook.retried',
  'source-system.created', 'source-system.disabled', 'source-system.rotated', 'source-system.webhook-changed',
  // Retention, exports, reads, the log itself
  'retention.run.requested', 'retention.run.completed', 'retention.run.failed',
  'export.created', 'export.failed', 'export.aborted',
  'personal-data.read', 'audit.heads-mailed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Codes only the platform's own chain (tenant null) records: never on a controller's audit page. */
export type PlatformAuditAction = `queues-board.${string}` | 'queue.paused-too-long';

export function isAuditAction(code: string): code is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(code);
}
