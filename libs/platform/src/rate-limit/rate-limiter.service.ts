import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { REDIS } from '../redis/redis.token';

export interface RateVerdict {
  allowed: boolean;
  /** Seconds until the window of the exhausted counter ends (0 when allowed). */
  retryAfterSeconds: number;
}

/** A limit: at most `max` hits per `windowSeconds` for each key of a bucket. */
export interface RateLimit {
  bucket: string;
  max: number;
  windowSeconds: number;
}

/**
 * Counts each (counter, window, max) of KEYS[1..n] (ARGV[1] = n, then window
 * and max per counter) and answers the seconds left in the window of the
 * first counter over its max (0 when none is), and the value of KEYS[n + 1]
 * if given (read in the same round trip: see RateLimiter.hitAndRead). One
 * script, so one command and one reply per request however many counters.
 */
const HIT = `
local n = tonumber(ARGV[1])
local retry = 0
for i = 1, n do
  local count = redis.call('INCR', KEYS[i])
  redis.call('EXPIRE', KEYS[i], ARGV[2 * i], 'NX')
  if retry == 0 and count > tonumber(ARGV[2 * i + 1]) then retry = math.max(1, redis.call('TTL', KEYS[i])) end
end
local value = false
if #KEYS > n then value = redis.call('GET', KEYS[n + 1]) end
return {retry, value}
`;

type HitScript = (numKeys: number, ...keysAndArgs: (string | number)[]) => Promise<[number, string | null]>;

/**
 * Fixed-window counters in Redis, shared by every API node: sign-in attempts,
 * public forms and pages, per IP address and per e-mail address. Keys that
 * carry personal data (e-mail addresses) are hashed.
 */
@Injectable()
export class RateLimiter {
  private readonly script: HitScript;

  constructor(@Inject(REDIS) private readonly redis: Redis) {
    // defineCommand sends EVALSHA and loads the script on NOSCRIPT (a restarted or new Redis).
    redis.defineCommand('regulaRateHit', { lua: HIT });
    const client = redis as unknown as { regulaRateHit: HitScript };
    this.script = (...a) => client.regulaRateHit(...a);
  }

  static key(value: string): string {
    return createHash('sha256').update(value.trim().toLowerCase()).digest('hex').slice(0, 32);
  }

  private redisKey(limit: RateLimit, key: string): string {
    return `regula:rl:${limit.bucket}:${RateLimiter.key(key)}`;
  }

  /** Counts a hit against every (limit, key) pair; refused when any is over its limit. */
  async hit(...checks: [RateLimit, string][]): Promise<RateVerdict> {
    return (await this.hitAndRead(checks)).verdict;
  }

  /**
   * `hit`, and the value of the Redis key `read` (null when it has none) in the
   * same round trip: a public page counts the view and reads its tenant's page
   * generation with one command.
   */
  async hitAndRead(checks: [RateLimit, string][], read?: string): Promise<{ verdict: RateVerdict; value: string | null }> {
    const keys = checks.map(([limit, key]) => this.redisKey(limit, key));
    const args = checks.flatMap(([limit]) => [limit.windowSeconds, limit.max]);
    if (read !== undefined) keys.push(read);
    const [retry, value] = await this.script(keys.length, ...keys, checks.length, ...args);
    const verdict = retry > 0 ? { allowed: false, retryAfterSeconds: retry } : { allowed: true, retryAfterSeconds: 0 };
    return { verdict, value: value ?? null };
  }

  /** Is the pair already over its limit (without counting a hit)? */
  async exceeded(limit: RateLimit, key: string): Promise<RateVerdict> {
    const k = this.redisKey(limit, key);
    const [count, ttl] = await Promise.all([this.redis.get(k), this.redis.ttl(k)]);
    return Number(count ?? 0) >= limit.max ? { allowed: false, retryAfterSeconds: Math.max(1, ttl) } : { allowed: true, retryAfterSeconds: 0 };
  }

  /** Counts a hit without checking (e.g. a failed sign-in). */
  async count(limit: RateLimit, key: string): Promise<void> {
    const k = this.redisKey(limit, key);
    await this.redis.multi().incr(k).expire(k, limit.windowSeconds, 'NX').exec();
  }

  async reset(limit: RateLimit, key: string): Promise<void> {
    await this.redis.del(this.redisKey(limit, key));
  }
}
