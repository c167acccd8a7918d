import { ControllerDefinition } from '../../schema/controller';
import { finding } from '../codes';
import { itemsAt, registersOf } from '../facts';
import { Finding } from '../finding';
import { LintRule } from '../rule';

function check(def: ControllerDefinition): Finding[] {
  return registersOf(def).flatMap(({ item: register, path }) =>
    itemsAt(path, 'recipients', register.recipients)
      .filter(({ item }) => item.kind === 'processor' && item.dpa !== true)
      .map(({ item, path: p }) =>
        finding('processor-without-dpa', `${p}.dpa`, `Processor '${item.id}' has no data-processing agreement on record: processing by a processor must be governed by a contract with the Art. 28(3) terms. Conclude one and set dpa: true (with contractLink if there is one).`, item.ref),
      ),
  );
}

/** Processors work under an Art. 28(3) contract. */
export const processorsRule: LintRule = { name: 'processors', codes: ['processor-without-dpa'], check };
