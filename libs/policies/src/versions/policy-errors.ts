import { ConflictException, UnprocessableEntityException } from '@nestjs/common';
import type { PolicyProblem } from '@regula/engine';

/** Publishing refused: the notice would be incomplete (GDPR Art. 13/14 require every item). */
export class PolicyIncompleteException extends UnprocessableEntityException {
  constructor(readonly problems: PolicyProblem[] | { code: string; section?: string; lang?: string; message: string }[]) {
    super({ statusCode: 422, error: 'Unprocessable Entity', message: `the policy cannot be published: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`, problems });
  }
}

export class PolicyConflictException extends ConflictException {
  constructor(message: string) {
    super({ statusCode: 409, error: 'Conflict', message });
  }
}
