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
 * Fixed-window counters in Redis, shared by every API node: sign-in attempts,
 * public forms, per IP address and per e-mail address. Keys that carry
 * personal data (e-mail addresses) are hashed.
 */
@Injectable()
export class RateLimiter {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  static key(value: string): string {
    return createHash('sha256').update(value.trim().toLowerCase()).digest('hex').slice(0, 32);
  }

  private redisKey(limit: RateLimit, key: string): string {
    return `regula:rl:${limit.bucket}:${RateLimiter.key(key)}`;
  }

  /** Counts a hit against every (limit, key) pair; refused when any is over its limit. */
  async hit(...checks: [RateLimit, string][]): Promise<RateVerdict> {
    const tx = this.redis.multi();
    for (const [limit, key] of checks) {
      const k = this.redisKey(limit, key);
      tx.incr(k).expire(k, limit.windowSeconds, 'NX').ttl(k);
    }
    const res = await tx.exec();
    if (!res) throw new Error('rate limiter: redis transaction failed');
    for (let i = 0; i < checks.length; i++) {
      const count = Number(res[i * 3][1]);
      if (count > checks[i][0].max) return { allowed: false, retryAfterSeconds: Math.max(1, Number(res[i * 3 + 2][1])) };
    }
    return { allowed: true, retryAfterSeconds: 0 };
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
