import type { PublicRequestStatus } from '@regula/requests';

type T = (key: string, vars?: Record<string, unknown>) => string;

export interface NextStepView {
  /** What happens next, in one sentence. */
  what: string;
  /** Who acts now: the subject ("you") or the controller by name; absent once the request is closed. */
  who?: string;
  /** By when. */
  by?: string;
  /** `subject` or `controller`: which of the two the page waits for (a class for the page, and for tests). */
  from?: 'subject' | 'controller';
}

/**
 * The status page's one statement of what happens next: what Regula waits
 * for, from whom, by when. Each situation has one sentence, so the page never
 * says "received" and "waiting" of the same thing at once: once a document is
 * uploaded it is "received, being checked" and nothing is asked of the subject.
 */
export function nextStepView(s: PublicRequestStatus, t: T, controller: string, dueText: string): NextStepView {
  if (s.state === 'merged') return { what: t('status.next.merged', { reference: s.mergedInto ?? '' }) };
  if (s.state === 'completed' || s.state === 'refused' || s.state === 'withdrawn') return { what: t('status.next.done') };
  const subject = (what: string): NextStepView => ({ what: t(what), who: t('status.next.you'), by: t('status.next.subjectBy'), from: 'subject' });
  if (s.waitingFor === 'email-code') return subject('status.next.email-code');
  if (s.waitingFor === 'identity-document') return subject('status.next.identity-document');
  const what = s.waitingFor === 'document-check' ? t('status.next.document-check') : t('status.next.handling', { controller });
  return { what, who: controller, by: t('status.next.controllerBy', { date: dueText }), from: 'controller' };
}
