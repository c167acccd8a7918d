/**
 * After a successful POST the dashboard redirects (303) with `?done=<key>`;
 * the page shows the message `flash.<key>`. Only known keys are shown, so
 * the URL carries no text of its own.
 */
export const FLASH_KEYS = [
  'password', 'identity-confirmed', 'evidence-rejected', 'extended', 'refused', 'fee', 'message', 'fulfilled', 'package-building', 'reply-uploaded', 'reply-recorded', 'request-recorded', 'intake-confirmed', 'assigned', 'noted', 'requester-corrected', 'letter-sent', 'subject-linked', 'merged',
  'register-saved', 'register-unchanged', 'register-created', 'register-retired', 'fact-confirmed', 'facts-saved', 'facts-unchanged', 'logo-saved', 'policy-drafted', 'policy-published',
  'member-updated', 'member-revoked', 'sso-saved',
  'retention-started', 'retention-running', 'hold-placed', 'hold-lifted', 'hold-unchanged',
  'breach-recorded', 'breach-updated', 'breach-authority-notified', 'breach-subjects-notified', 'breach-closed', 'breach-reopened',
] as const;

export function flashOf(t: (key: string) => string, done: unknown): string | undefined {
  return typeof done === 'string' && (FLASH_KEYS as readonly string[]).includes(done) ? t(`flash.${done}`) : undefined;
}
