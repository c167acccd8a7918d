import { ControllerDefinition } from '../../schema/controller';
import { finding } from '../codes';
import { isBlank, listOf, registersOf } from '../facts';
import { Finding } from '../finding';
import { LintRule } from '../rule';

function check(def: ControllerDefinition): Finding[] {
  const out: Finding[] = [];
  const rights = new Set(listOf(def.rights).map((r) => r.right));
  for (const { item: register, path } of registersOf(def)) {
    const ad = register.automatedDecisions;
    if (!ad) continue;
    const p = `${path}.automatedDecisions`;
    if (ad.automatedDecisions && ad.significantEffects && isBlank(ad.logic?.en)) {
      out.push(finding('automated-decision-without-logic', `${p}.logic`, `Register '${register.id}' takes automated decisions with legal or similarly significant effects but does not describe the logic involved: add it, with the significance and envisaged consequences (Art. 13(2)(f), 22).`, ad.ref));
    }
    if (ad.profiling && !rights.has('A21') && !rights.has('A22')) {
      out.push(finding('profiling-right-missing', p, `Register '${register.id}' profiles data subjects but the rights state neither the right to object (A21) nor the right not to be subject to automated decisions (A22): add the statement that applies (Art. 21, 22).`, ad.ref));
    } else if (ad.automatedDecisions && ad.significantEffects && !rights.has('A22')) {
      out.push(finding('profiling-right-missing', p, `Register '${register.id}' takes automated decisions with significant effects but the rights do not state A22 (human intervention, contesting the decision): add it (Art. 22(3)).`, ad.ref));
    }
  }
  return out;
}

/** Profiling and automated decisions (Art. 13(2)(f), 21, 22). */
export const automatedDecisionsRule: LintRule = {
  name: 'automated-decisions',
  codes: ['automated-decision-without-logic', 'profiling-right-missing'],
  check,
};
