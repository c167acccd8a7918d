/**
 * The per-account sign-in backoff schedule (pure, so it is tested without
 * Redis): `free` failed attempts are allowed at once; after that each further
 * attempt only once a wait has passed that doubles with every failure, up to
 * `maxSeconds`. Nobody is locked out: the owner's correct password is accepted
 * in the next allowed slot, and a sign-in link from the account's mailbox
 * skips the wait (see SignInThrottle, SignInLinks).
 */
export interface BackoffPolicy {
  /** Failures before the first wait (LOGIN_MAX_PER_EMAIL). */
  free: number;
  /** The first wait, in seconds. */
  baseSeconds: number;
  /** The longest wait, in seconds. */
  maxSeconds: number;
}

/** Seconds to wait after the `failures`-th failure before the next attempt (0 while failures < free). */
export function backoffSeconds(failures: number, p: BackoffPolicy): number {
  if (failures < p.free) return 0;
  const doublings = Math.min(failures - p.free, 30);
  return Math.min(p.maxSeconds, p.baseSeconds * 2 ** doublings);
}

/**
 * Whether the account is told by e-mail after its `failures`-th failure:
 * when the backoff starts, then each time the count doubles (5, 10, 20, 40 ...),
 * so an attacker cannot flood the mailbox (mails grow with the log of the attempts).
 */
export function noticeDue(failures: number, free: number): boolean {
  if (failures < free || failures % free !== 0) return false;
  const k = failures / free;
  return (k & (k - 1)) === 0;
}
