import { Ref, Text } from './text';

/**
 * Events a retention period can run from. Each record Regula stores carries
 * the timestamps of the anchors that have happened to it.
 */
export const ANCHOR_EVENTS = [
  'collected',            // the record was collected
  'contract-ended',       // the contract with the data subject ended
  'account-closed',       // the portal account was closed
  'consent-withdrawn',    // the consent the record depends on was withdrawn
  'last-activity',        // the subject's last activity (login, purchase, message)
  'financial-year-end',   // end of the financial year in which the record was made
  'calendar-year-end-after-financial-year', // SE Bokföringslagen 7:2
  'request-closed',       // a rights request / complaint case was closed
  'recorded',             // a recording (e.g. video) was made
] as const;
export type AnchorEvent = (typeof ANCHOR_EVENTS)[number];

/**
 * A calendar duration; at least one field must be positive. Years, months and
 * days are calendar units; hours and minutes are exact elapsed time.
 */
export interface Duration {
  years?: number;
  months?: number;
  days?: number;
  hours?: number;
  minutes?: number;
}

/** What happens to a record whose retention has ended. */
export type RetentionAction = 'erase' | 'anonymise';

/** A condition that keeps data alive until it ends (Inomedis clause 29). */
export interface RetentionCondition {
  id: string;
  /** "the contract is in force", "consent has not been withdrawn"... */
  label: Text;
  /** The condition ends when this anchor happens... */
  endsAt: AnchorEvent;
  /** ...plus this period (e.g. a statutory period after the anchor). */
  plus?: Duration;
  ref: Ref[];
}

interface RetentionRuleBase {
  id: string;
  /** Ids of the register's data categories this rule governs. */
  categories: string[];
  /** How the controller describes the rule. */
  description: Text;
  action: RetentionAction;
  ref: Ref[];
}

/** A period that runs from one anchor event. */
export interface PeriodRetentionRule extends RetentionRuleBase {
  kind: 'period';
  anchor: AnchorEvent;
  period: Duration;
}

/** Kept while any condition holds; erased a period after all have ended. */
export interface ConditionsRetentionRule extends RetentionRuleBase {
  kind: 'conditions';
  conditions: RetentionCondition[];
  /** Grace period after the last condition ended (may be zero days). */
  then: Duration;
}

/**
 * "As long as necessary": what a notice says when it says nothing a machine
 * can enforce. It may be recorded (to show what the notice says), but the
 * linter rejects it as a rule.
 */
export interface UnenforceableRetentionRule extends RetentionRuleBase {
  kind: 'as-long-as-necessary';
}

export type RetentionRule = PeriodRetentionRule | ConditionsRetentionRule | UnenforceableRetentionRule;
