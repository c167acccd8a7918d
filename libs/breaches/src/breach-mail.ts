import { MAIL_TEMPLATES, MailTemplate } from '@regula/mail';

/** The breach clock's e-mails to the tenant's compliance admins (libs/mail/templates/<lang>/). */
export const BREACH_MAIL_TEMPLATES = ['breach-reminder', 'breach-deadline-passed'] as const;

/**
 * The mail renderer accepts only the names in MAIL_TEMPLATES; the breach
 * templates are added to that list here, once, until libs/mail lists them itself.
 */
export function registerBreachMailTemplates(): void {
  const list = MAIL_TEMPLATES as unknown as string[];
  for (const t of BREACH_MAIL_TEMPLATES) if (!list.includes(t)) list.push(t);
}

export const breachTemplate = (t: (typeof BREACH_MAIL_TEMPLATES)[number]): MailTemplate => t as unknown as MailTemplate;
