import { Ref } from '../schema/text';

export type Severity = 'error' | 'warning' | 'info';

/**
 * What an error refuses:
 * - definition: the schema cannot hold the value (duplicate id, dangling
 *   reference, empty list, invalid duration, a required field absent or of the
 *   wrong type): saving a register and `regula tenants sync` are refused;
 * - publication: the definition is well formed but a published text would be
 *   wrong or incomplete under the law: only publishing a policy is refused.
 */
export type FindingKind = 'definition' | 'publication';

/** One thing the register linter found in a controller definition. */
export interface Finding {
  code: string;
  severity: Severity;
  /** What an error of this code refuses (see `FindingKind`); set from the code's entry in LINT_CODES. */
  kind: FindingKind;
  /** JSON-path-like location, using ids where they exist: `registers[crm].purposes[marketing].legalBases[0].article`. */
  path: string;
  /** English, specific, says what to fix. */
  message: string;
  /** The seed/law reference of the offending fact, when it has one. */
  ref?: Ref[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then info; the order within a severity is kept (Array.prototype.sort is stable). */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** The errors that make a definition unsavable: saving a register and a tenant sync refuse on these only. */
export function definitionErrors(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error' && f.kind === 'definition');
}

/** The errors that refuse publishing a policy: every error, of either kind. */
export function publicationErrors(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error');
}
