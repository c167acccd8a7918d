/**
 * What the audit queue's daily `mail-chain-heads` job needs: something that
 * e-mails every chain's signed head to the platform admins. libs/mail
 * implements it (`AuditHeadsMail`: it writes mail's outbox, and mail imports
 * audit, so audit cannot import mail back); the worker binds the token to it.
 */
export interface AuditHeadsMailer {
  send(): Promise<{ chains: number; broken: number; recipients: number }>;
}

export const AUDIT_HEADS_MAILER = Symbol('AUDIT_HEADS_MAILER');
