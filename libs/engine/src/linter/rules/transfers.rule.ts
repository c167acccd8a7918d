import { ControllerDefinition } from '../../schema/controller';
import { finding } from '../codes';
import { itemsAt, listOf, registersOf } from '../facts';
import { Finding } from '../finding';
import { LintRule } from '../rule';

function check(def: ControllerDefinition): Finding[] {
  const out: Finding[] = [];
  for (const { item: register, path } of registersOf(def)) {
    const transfers = itemsAt(path, 'transfers', register.transfers);
    for (const { item, path: p } of transfers) {
      if (item.safeguard === null || item.safeguard === undefined) {
        out.push(finding('transfer-without-safeguard', `${p}.safeguard`, `Transfer '${item.id}' has no safeguard: name the Art. 45-49 ground it relies on (adequacy decision, standard contractual clauses, BCRs, derogation) or stop the transfer.`, item.ref));
      }
    }
    const covered = new Set(transfers.flatMap(({ item }) => listOf(item.recipients)));
    for (const { item, path: p } of itemsAt(path, 'recipients', register.recipients)) {
      if (item.country === 'third-country' && !covered.has(item.id)) {
        out.push(finding('transfer-missing', `${p}.country`, `Recipient '${item.id}' is outside the EEA but no transfer of register '${register.id}' covers it: add a transfer naming it and its safeguard (Art. 30(1)(e), 44-46).`, item.ref));
      }
    }
  }
  return out;
}

/** Third-country transfers (GDPR Chapter V). */
export const transfersRule: LintRule = { name: 'transfers', codes: ['transfer-without-safeguard', 'transfer-missing'], check };
