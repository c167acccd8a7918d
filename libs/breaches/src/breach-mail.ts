import { MailTemplate } from '@regula/mail';

/** The breach clock's e-mails to the tenant's compliance admins (libs/mail/templates/<lang>/). */
export const BREACH_MAIL_TEMPLATES = ['breach-reminder', 'breach-deadline-passed'] as const satisfies readonly MailTemplate[];
