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
import { art13UnknownRule } from './rules/art13-unknown.rule';
import { basisFitnessRule } from './rules/basis-fitness.rule';
import { changeClauseRule } from './rules/change-clause.rule';
import { recipientsVagueRule } from './rules/recipients-vague.rule';
import { requestFormRule } from './rules/request-form.rule';
import { retentionStartRule } from './rules/retention-start.rule';
import { rightScopeRule } from './rules/right-scope.rule';
import { specialCategoryIndicatedRule } from './rules/special-category-indicated.rule';

/** Every rule family, in the order their findings are listed within a severity. */
export const LINT_RULES: readonly LintRule[] = [
  art30CompletenessRule,
  duplicateIdsRule,
  idReferencesRule,
  emptySectionRule,
  retentionRule,
  retentionStartRule,
  transfersRule,
  legalBasisRule,
  basisFitnessRule,
  purchaseConsentRule,
  cookiesRule,
  authorityRule,
  jurisdictionRule,
  childrenRule,
  processorsRule,
  specialCategoriesRule,
  specialCategoryIndicatedRule,
  recipientsVagueRule,
  automatedDecisionsRule,
  rightsRule,
  rightScopeRule,
  requestFormRule,
  changeClauseRule,
  art13UnknownRule,
  referencesRule,
  translationsRule,
  dpoRule,
  noticeRemarksRule,
];
