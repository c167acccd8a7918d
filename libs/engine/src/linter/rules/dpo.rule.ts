import { ControllerDefinition } from '../../schema/controller';
import { finding } from '../codes';
import { Finding } from '../finding';
import { LintRule } from '../rule';

function check(def: ControllerDefinition): Finding[] {
  if (def.dpo !== 'none') return [];
  return [finding('no-dpo', 'dpo', `${def.legalName || 'The controller'} designates no data-protection officer. That is lawful unless its core activities are large-scale regular and systematic monitoring or large-scale processing of special categories (e.g. health data) (Art. 37(1)); record the assessment.`)];
}

/** Whether a DPO is designated (Art. 37). */
export const dpoRule: LintRule = { name: 'dpo', codes: ['no-dpo'], check };
