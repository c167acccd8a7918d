import { ControllerDefinition } from '../../schema/controller';
import { AnchorEvent, RetentionRule } from '../../schema/retention';
import { finding } from '../codes';
import { itemsAt, listOf, registersOf } from '../facts';
import { Finding } from '../finding';
import { LintRule } from '../rule';

/**
 * Events that may never happen to a record: a consent that is never withdrawn,
 * an account that is never closed. A period from one of them alone never
 * starts, and the record is kept for ever.
 */
export const UNCERTAIN_EVENTS: ReadonlySet<AnchorEvent> = new Set<AnchorEvent>(['consent-withdrawn', 'account-closed']);

/** The uncertain events a rule waits for before it can ever end (null: it always ends). */
function neverEndingOn(rule: RetentionRule): AnchorEvent[] | null {
  if (rule.kind === 'period') return UNCERTAIN_EVENTS.has(rule.anchor) ? [rule.anchor] : null;
  if (rule.kind === 'conditions') {
    // Kept while any condition holds: one condition that may never end keeps the record for ever.
    const waiting = listOf(rule.conditions).map((c) => c.endsAt).filter((e) => UNCERTAIN_EVENTS.has(e));
    return waiting.length ? [...new Set(waiting)] : null;
  }
  return null;
}

function check(def: ControllerDefinition): Finding[] {
  return registersOf(def).flatMap(({ item: register, path }) =>
    itemsAt(path, 'retention', register.retention).flatMap(({ item: rule, path: p }) => {
      const events = neverEndingOn(rule);
      if (!events) return [];
      const where = rule.kind === 'period' ? `${p}.anchor` : `${p}.conditions`;
      return [finding(
        'retention-start-uncertain', where,
        `Retention rule '${rule.id}' of register '${register.id}' can only end after ${events.map((e) => `'${e}'`).join(' and ')}, which may never happen (consent that is never withdrawn, an account never closed): the data would then be kept for ever. Add a limit that always runs out, e.g. a period from 'last-activity' or 'collected' (Art. 5(1)(e)).`,
        [...listOf(rule.ref), { source: 'GDPR', at: 'Art. 5(1)(e)' }],
      )];
    }),
  );
}

/** A retention rule must be able to start: not only from events that may never happen. */
export const retentionStartRule: LintRule = { name: 'retention-start', codes: ['retention-start-uncertain'], check };
