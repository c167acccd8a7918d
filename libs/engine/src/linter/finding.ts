import { Ref } from '../schema/text';

export type Severity = 'error' | 'warning' | 'info';

/** One thing the register linter found in a controller definition. */
export interface Finding {
  code: string;
  severity: Severity;
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
