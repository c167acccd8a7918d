export type { Finding, FindingKind, Severity as FindingSeverity } from './finding';
export { sortFindings, countBySeverity, definitionErrors, publicationErrors } from './finding';
export type { FindingCode } from './codes';
export { LINT_CODES, kindOf } from './codes';
export type { LintRule } from './rule';
export { LINT_RULES } from './registry';
export { lintController } from './lint-controller';
export type { TextMissingLanguages } from './inspect';
export { publishedLanguages, missingLanguages, textsIn, textsMissingLanguages, refsIn } from './inspect';
