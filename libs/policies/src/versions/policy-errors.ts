import { ConflictError, UnprocessableError } from '@regula/platform';
import type { PolicyProblem } from '@regula/engine';

/** Publishing refused: the notice would be incomplete (GDPR Art. 13/14 require every item). */
export class PolicyIncompleteError extends UnprocessableError {
  constructor(readonly problems: PolicyProblem[] | { code: string; section?: string; lang?: string; message: string }[]) {
    super(`the policy cannot be published: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`, { problems });
  }
}

export class PolicyConflictError extends ConflictError {
  constructor(message: string) {
    super(message);
  }
}
