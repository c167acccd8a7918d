import { LvEnText, t } from './text';

/**
 * Wording of the legal bases that several purposes rely on in the same words.
 * Clause 14 lists the bases once without tying them to purposes, so the
 * registers repeat them.
 */

/** Art. 6(1)(f): the description of every legitimate-interests basis; each purpose names its own interest. */
export const NECESSARY_FOR_LEGITIMATE_INTERESTS: LvEnText = t(
  'Apstrāde ir nepieciešama Inomedis leģitīmo interešu īstenošanai.',
  'The processing is necessary for Inomedis\'s legitimate interests.',
);

/** Art. 6(1)(a): the client's consent, as clause 13 describes it. */
export const CLIENT_CONSENT: LvEnText = t(
  'Klienta brīvi sniegta un nepārprotama piekrišana.',
  'The client\'s freely given and unambiguous consent.',
);

/** Art. 6(1)(c): the law behind the accounting obligations (billing records, the archive). */
export const ACCOUNTING_LAW: LvEnText = t('Grāmatvedības likums', 'Accounting Law (Grāmatvedības likums)');

/** Why every Art. 6(1)(c) basis is a correction of clause 14. */
export const LEGAL_OBLIGATION_LABEL =
  'clause 14 labels the legal-obligation basis "Art. 6(1)(b)" (contract); compliance with a legal obligation is Art. 6(1)(c), so the basis is corrected and the notice\'s label kept in citedInNotice';
