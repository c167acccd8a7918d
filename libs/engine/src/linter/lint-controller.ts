import { ControllerDefinition } from '../schema/controller';
import { Finding, sortFindings } from './finding';
import { LINT_RULES } from './registry';
import { LintRule } from './rule';

/**
 * Checks a controller definition against the GDPR and against itself.
 * Pure: the same definition always gives the same findings, errors first.
 */
export function lintController(def: ControllerDefinition, rules: readonly LintRule[] = LINT_RULES): Finding[] {
  return sortFindings(rules.flatMap((rule) => rule.check(def)));
}
