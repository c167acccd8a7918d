import { LintRule } from './rule';
import { art30CompletenessRule } from './rules/art30-completeness.rule';
import { authorityRule } from './rules/authority.rule';
import { automatedDecisionsRule } from './rules/automated-decisions.rule';
import { childrenRule } from './rules/children.rule';
import { cookiesRule } from './rules/cookies.rule';
import { dpoRule } from './rules/dpo.rule';
import { duplicateIdsRule } from './rules/duplicate-ids.rule';
import { emptySectionRule } from './rules/empty-section.rule';
import { idReferencesRule } from './rules/id-references.rule';
import { jurisdictionRule } from './rules/jurisdiction.rule';
import { legalBasisRule } from './rules/legal-basis.rule';
import { noticeRemarksRule } from './rules/notice-remarks.rule';
import { processorsRule } from './rules/processors.rule';
import { purchaseConsentRule } from './rules/purchase-consent.rule';
import { referencesRule } from './rules/references.rule';
import { retentionRule } from './rules/retention.rule';
import { rightsRule } from './rules/rights.rule';
import { specialCategoriesRule } from './rules/special-categories.rule';
import { transfersRule } from './rules/transfers.rule';
import { translationsRule } from './rules/translations.rule';

/** Every rule family, in the order their findings are listed within a severity. */
export const LINT_RULES: readonly LintRule[] = [
  art30CompletenessRule,
  duplicateIdsRule,
  idReferencesRule,
  emptySectionRule,
  retentionRule,
  transfersRule,
  legalBasisRule,
  purchaseConsentRule,
  cookiesRule,
  authorityRule,
  jurisdictionRule,
  childrenRule,
  processorsRule,
  specialCategoriesRule,
  automatedDecisionsRule,
  rightsRule,
  referencesRule,
  translationsRule,
  dpoRule,
  noticeRemarksRule,
];
