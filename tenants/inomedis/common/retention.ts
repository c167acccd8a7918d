import { NATIONAL_RULES, RetentionCondition } from '@regula/engine';
import { clause, t } from './text';

const LV_ACCOUNTING = NATIONAL_RULES.LV.accounting;

/** Clause 29.1: the contract between the client and Inomedis is in force. */
export function contractInForce(): RetentionCondition {
  return {
    id: 'contract-in-force',
    label: t('Ir spēkā līgums starp Klientu un Inomedis', 'A contract between the client and Inomedis is in force'),
    endsAt: 'contract-ended',
    ref: [clause('29.1')],
  };
}

/**
 * Clause 29.2: a storage period set by Latvian or EU law. For client files the
 * law in point is the Accounting Law: source documents (invoices, payment
 * records, the contracts behind them) at least 5 years from the end of the
 * financial year (the engine's LV default, marked verify).
 */
export function statutoryAccountingStorage(): RetentionCondition {
  return {
    id: 'statutory-storage',
    label: t(
      'Normatīvajos aktos noteiktais glabāšanas termiņš: grāmatvedības attaisnojuma dokumentus glabā vismaz piecus gadus pēc pārskata gada beigām',
      'A storage period set by law: accounting source documents are kept for at least five years after the end of the financial year',
    ),
    endsAt: LV_ACCOUNTING.anchor,
    plus: LV_ACCOUNTING.period,
    ref: [
      clause('29.2'),
      ...LV_ACCOUNTING.ref,
      { source: 'LEGAL-NOTES', at: 'National specifics (LV)', note: 'statutory, but the figure is a default to verify: source documents at least 5 years; accounting registers 10 years (kept in the archive register)' },
    ],
  };
}

/**
 * Clause 29.3: as long as needed to exercise and defend Inomedis's legitimate
 * interests. Default: the general limitation period of the Civil Law (10 years,
 * Art. 1895) after the contract ended, so that claims can be proven or defended.
 */
export function legitimateInterestsAfterContract(): RetentionCondition {
  return {
    id: 'legitimate-interests',
    label: t(
      'Cik nepieciešams Inomedis leģitīmo interešu īstenošanai un aizsardzībai: līdz prasījumu noilguma beigām pēc līguma izbeigšanās',
      'As needed to exercise and defend Inomedis\'s legitimate interests: until claims are time-barred after the contract has ended',
    ),
    endsAt: 'contract-ended',
    plus: { years: 10 },
    ref: [
      clause('29.3'),
      {
        source: 'LV-CIVIL-LAW',
        at: 'Art. 1895',
        note: 'default, not from the notice: the general 10-year limitation period. Shorter periods may apply (Commercial Law Art. 406: 3 years for commercial transactions; 2 years for consumer non-conformity claims): verify and shorten if possible',
      },
    ],
  };
}

/** Clause 29.4: the client's consent has not been withdrawn. */
export function consentNotWithdrawn(): RetentionCondition {
  return {
    id: 'consent-not-withdrawn',
    label: t('Klients nav atsaucis piekrišanu personas datu apstrādei', 'The client has not withdrawn consent to the processing'),
    endsAt: 'consent-withdrawn',
    ref: [clause('29.4'), clause('15', 'a withdrawal takes effect within three working days (requests.consentWithdrawalWorkingDays)')],
  };
}
