import { Inject, Injectable, Optional } from '@nestjs/common';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, ApiConfig, CLOCK, Clock, RateLimit, RateLimiter, REDIS, systemClock } from '@regula/platform';
import { BackoffPolicy, backoffSeconds } from './sign-in-backoff';

/** An attempt that may go on to argon2; settle it exactly once. */
export interface Reservation {
  allowed: true;
  /** Settles the attempt: a failure counts (returns the account's failure count), a success clears the account's failures. */
  failed(): Promise<number>;
  succeeded(): Promise<void>;
}
export interface Refusal {
  allowed: false;
  retryAfterSeconds: number;
}

/** How long an unsettled reservation holds its place (a process that died between reserve and settle). */
const LEASE_MS = 60_000;
/** An account's failures are forgotten a day after the last one. */
const STATE_TTL_SECONDS = 86_400;

/**
 * Atomically reserves one attempt of an account (hash `f` = failures, `n` =
 * next allowed instant in ms; sorted set of in-flight reservations by lease end).
 * Free attempts while failures + in-flight < free; after that one attempt at a
 * time, once `n` has passed. Returns {1, 0} or {0, wait in ms}.
 */
const RESERVE = `
local now = tonumber(ARGV[1])
local free = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local r = redis.call('ZCARD', KEYS[2])
local f = tonumber(redis.call('HGET', KEYS[1], 'f') or '0')
local n = tonumber(redis.call('HGET', KEYS[1], 'n') or '0')
if f + r < free or (r == 0 and now >= n) then
  redis.call('ZADD', KEYS[2], now + tonumber(ARGV[4]), ARGV[3])
  redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[4]))
  return {1, 0}
end
local wait = n - now
if wait < 1000 then wait = 1000 end
return {0, wait}
`;

/**
 * Settles a failed attempt: one more failure; the next attempt is allowed at
 * now (ARGV[3]) plus the schedule's wait for that many failures (ARGV[4..]:
 * the waits after failure free, free+1, ... up to the cap, from backoffSeconds).
 * Returns the failures.
 */
const FAIL = `
redis.call('ZREM', KEYS[2], ARGV[1])
local f = redis.call('HINCRBY', KEYS[1], 'f', 1)
local free = tonumber(ARGV[4])
local wait = 0
if f >= free then
  local i = f - free + 5
  if i > #ARGV then i = #ARGV end
  wait = tonumber(ARGV[i])
end
redis.call('HSET', KEYS[1], 'n', tonumber(ARGV[3]) + wait * 1000)
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[2]))
return f
`;

/**
 * Sign-in limits, shared by every API node through Redis:
 * - per IP address: attempts per window (a fixed-window counter);
 * - per account (e-mail address, known or not, so a 429 reveals nothing):
 *   an attempt is reserved atomically *before* argon2 runs, so concurrent
 *   guesses cannot all slip in while earlier ones are still being checked
 *   (issue 12, item 4); after LOGIN_MAX_PER_EMAIL failures each further attempt
 *   waits a doubling backoff instead of a hard lock (item 5: nobody can lock an
 *   account). The same reservation guards guesses of the current password when
 *   it is changed.
 * Time comes from the injected CLOCK, so tests move it instead of waiting.
 */
@Injectable()
export class SignInThrottle {
  private readonly perIp: RateLimit;
  readonly policy: BackoffPolicy;
  /** The waits after failure free, free+1, ... until the cap (the script repeats the last one). */
  private readonly schedule: number[] = [];

  constructor(
    private readonly limiter: RateLimiter,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) cfg: ApiConfig,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {
    this.perIp = { bucket: 'login-ip', max: cfg.LOGIN_MAX_PER_IP, windowSeconds: cfg.LOGIN_WINDOW_SECONDS };
    this.policy = { free: cfg.LOGIN_MAX_PER_EMAIL, baseSeconds: cfg.LOGIN_BACKOFF_SECONDS, maxSeconds: cfg.LOGIN_BACKOFF_MAX_SECONDS };
    for (let f = this.policy.free; this.schedule.length < 32; f++) {
      this.schedule.push(backoffSeconds(f, this.policy));
      if (this.schedule[this.schedule.length - 1] >= this.policy.maxSeconds) break;
    }
  }

  /** The instant the backoff is measured against (epoch ms). */
  now(): number {
    return this.clock().getTime();
  }

  /** Counts an attempt against the IP address (every attempt, sign-in link or not). */
  async ip(ip: string): Promise<Refusal | null> {
    const v = await this.limiter.hit([this.perIp, ip]);
    return v.allowed ? null : { allowed: false, retryAfterSeconds: v.retryAfterSeconds };
  }

  /** Reserves one attempt of the account before its password is checked. */
  async reserve(email: string): Promise<Reservation | Refusal> {
    const [state, inflight] = this.keys(email);
    const id = randomUUID();
    const [ok, waitMs] = (await this.redis.eval(RESERVE, 2, state, inflight, this.now(), this.policy.free, id, LEASE_MS)) as [number, number];
    if (!ok) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    return this.reservation(email, id);
  }

  /** An attempt that skips the backoff (a sign-in link from the account's mailbox); its failure still counts. */
  bypass(email: string): Reservation {
    return this.reservation(email, randomUUID());
  }

  private reservation(email: string, id: string): Reservation {
    const [state, inflight] = this.keys(email);
    let settled = false;
    const once = () => {
      if (settled) throw new Error('sign-in attempt settled twice');
      settled = true;
    };
    return {
      allowed: true,
      failed: async () => {
        once();
        return Number(await this.redis.eval(FAIL, 2, state, inflight, id, STATE_TTL_SECONDS, this.now(), this.policy.free, ...this.schedule));
      },
      succeeded: async () => {
        once();
        await this.redis.del(state, inflight);
      },
    };
  }

  /** Seconds the account waits after `failures` failures (for the notice e-mail). */
  waitAfter(failures: number): number {
    return backoffSeconds(failures, this.policy);
  }

  private keys(email: string): [string, string] {
    const k = `regula:signin:${RateLimiter.key(email)}`;
    return [k, `${k}:inflight`];
  }
}
