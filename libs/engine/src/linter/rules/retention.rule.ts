import { ControllerDefinition } from '../../schema/controller';
import { Register } from '../../schema/register';
import { Duration, RetentionRule } from '../../schema/retention';
import { finding } from '../codes';
import { itemsAt, listOf, registersOf } from '../facts';
import { Finding } from '../finding';
import { LintRule } from '../rule';
import { durationProblem } from '../../retention/due-date';

const FIELDS = ['years', 'months', 'days', 'hours', 'minutes'] as const;

function isZero(d: Duration | undefined): boolean {
  return !d || FIELDS.every((f) => !((d[f] ?? 0) > 0));
}


/** The durations a rule states, with their paths. */
function durationsOf(rule: RetentionRule, path: string): [Duration | undefined, string][] {
  if (rule.kind === 'period') return [[rule.period, `${path}.period`]];
  if (rule.kind === 'conditions') {
    return [[rule.then, `${path}.then`], ...itemsAt(path, 'conditions', rule.conditions).map(({ item, path: p }): [Duration | undefined, string] => [item.plus, `${p}.plus`])];
  }
  return [];
}

function checkRule(rule: RetentionRule, path: string): Finding[] {
  const out: Finding[] = [];
  if (rule.kind === 'as-long-as-necessary') {
    out.push(finding('retention-unenforceable', `${path}.kind`, `Retention rule '${rule.id}' keeps data "as long as necessary": nothing can enforce that. Replace it with a period from an anchor event or with conditions plus a period (Art. 5(1)(e), 13(2)(a)); keep the notice's wording in the description.`, rule.ref));
  }
  if (rule.kind === 'period' && isZero(rule.period) && !durationProblem(rule.period)) {
    out.push(finding('retention-zero-period', `${path}.period`, `Retention rule '${rule.id}' has a period of zero: the data would be erased the moment '${rule.anchor}' happens. Give the period the notice or the law states.`, rule.ref));
  }
  if (rule.kind === 'conditions' && listOf(rule.conditions).length === 0) {
    out.push(finding('retention-no-conditions', `${path}.conditions`, `Retention rule '${rule.id}' keeps data while any condition holds, but lists no condition: add them (e.g. Inomedis clause 29) or use a period rule.`, rule.ref));
  }
  for (const [duration, p] of durationsOf(rule, path)) {
    const problem = duration && durationProblem(duration);
    if (problem) out.push(finding('invalid-duration', p, `Retention rule '${rule.id}': ${problem}.`, rule.ref));
  }
  return out;
}

/** Each data category must be governed by exactly one retention rule (Art. 5(1)(e), 30(1)(f)). */
function checkCoverage(register: Register, path: string): Finding[] {
  const rules = listOf(register.retention);
  return itemsAt(path, 'dataCategories', register.dataCategories).flatMap(({ item, path: p }) => {
    const governing = rules.filter((r) => listOf(r.categories).includes(item.id));
    if (governing.length === 1) return [];
    if (governing.length === 0) {
      return [finding('retention-uncovered', p, `No retention rule of register '${register.id}' governs data category '${item.id}': add it to the categories of exactly one rule (Art. 30(1)(f)).`, item.ref)];
    }
    const ids = governing.map((r) => `'${r.id}'`).join(', ');
    return [finding('retention-overlap', p, `Data category '${item.id}' is governed by ${governing.length} retention rules (${ids}): keep it in exactly one, or the erasure date is ambiguous.`, item.ref)];
  });
}

function check(def: ControllerDefinition): Finding[] {
  return registersOf(def).flatMap(({ item: register, path }) => [
    ...itemsAt(path, 'retention', register.retention).flatMap(({ item, path: p }) => checkRule(item, p)),
    ...checkCoverage(register, path),
  ]);
}

/**
 * Retention rules a worker can enforce. A rule without a reference is reported
 * by the references rule (`unreferenced-fact`).
 */
export const retentionRule: LintRule = {
  name: 'retention',
  codes: ['retention-unenforceable', 'retention-uncovered', 'retention-overlap', 'retention-zero-period', 'retention-no-conditions', 'invalid-duration'],
  check,
};
