import { NATIONAL_RULES, RetentionCondition } from '@regula/engine';
import { assumed, clause, t } from './text';

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
 * financial year (the engine's LV default; applying it is an assumption).
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
      { source: 'LEGAL-NOTES', at: 'National specifics (LV)' },
      assumed('29.2', 'statutory period applied by Regula: the notice refers to periods set by law without naming one; the Accounting Law\'s five years for source documents is applied to client files (accounting registers, 10 years, are in the archive register)'),
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
      { source: 'LV-CIVIL-LAW', at: 'Art. 1895' },
      assumed(
        '29.3',
        'period chosen by Regula: the general 10-year limitation period of the Civil Law (Art. 1895); shorter periods may apply (Commercial Law Art. 406: 3 years for commercial transactions; 2 years for consumer non-conformity claims)',
      ),
    ],
  };
}

/** Clause 29.4: the client's consent has not been withdrawn. */
export function consentNotWithdrawn(): RetentionCondition {
  return {
    id: 'consent-not-withdrawn',
    label: t('Klients nav atsaucis piekrišanu personas datu apstrādei', 'The client has not withdrawn consent to the processing'),
    endsAt: 'consent-withdrawn',
    ref: [clause('29.4'), clause('15', 'a withdrawal is carried out within three working days of its receipt, when it took effect (requests.consentWithdrawalWorkingDays)')],
  };
}
