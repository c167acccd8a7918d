import { ControllerDefinition } from '../schema/controller';
import { FindingCode } from './codes';
import { Finding } from './finding';

/** One family of checks (one file under rules/). */
export interface LintRule {
  /** The family's name, e.g. `retention`. */
  name: string;
  /** The codes it can emit. */
  codes: readonly FindingCode[];
  check(def: ControllerDefinition): Finding[];
}
