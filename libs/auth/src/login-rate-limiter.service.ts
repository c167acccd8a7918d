import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { APP_CONFIG, ApiConfig, REDIS } from '@regula/platform';

export interface RateVerdict {
  allowed: boolean;
  retryAfterSeconds: number;
}

/**
 * Sign-in rate limits, kept in Redis so every API node shares them: attempts
 * per IP address, and failed attempts per e-mail address, in a fixed window.
 */
@Injectable()
export class LoginRateLimiter {
  constructor(@Inject(REDIS) private readonly redis: Redis, @Inject(APP_CONFIG) private readonly cfg: ApiConfig) {}

  private keys(ip: string, email: string) {
    const e = createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);
    return { ip: `regula:rl:login:ip:${ip}`, email: `regula:rl:login:email:${e}` };
  }

  /** Counts this attempt against the IP and says whether it may proceed. */
  async attempt(ip: string, email: string): Promise<RateVerdict> {
    const k = this.keys(ip, email);
    const window = this.cfg.LOGIN_WINDOW_SECONDS;
    const res = await this.redis.multi().incr(k.ip).expire(k.ip, window, 'NX').get(k.email).ttl(k.ip).ttl(k.email).exec();
    if (!res) throw new Error('rate limiter: redis transaction failed');
    const ipCount = Number(res[0][1]);
    const emailFailures = Number(res[2][1] ?? 0);
    if (ipCount > this.cfg.LOGIN_MAX_PER_IP) return { allowed: false, retryAfterSeconds: Math.max(1, Number(res[3][1])) };
    if (emailFailures >= this.cfg.LOGIN_MAX_PER_EMAIL) return { allowed: false, retryAfterSeconds: Math.max(1, Number(res[4][1])) };
    return { allowed: true, retryAfterSeconds: 0 };
  }

  async failed(ip: string, email: string): Promise<void> {
    const k = this.keys(ip, email);
    await this.redis.multi().incr(k.email).expire(k.email, this.cfg.LOGIN_WINDOW_SECONDS, 'NX').exec();
  }

  async succeeded(ip: string, email: string): Promise<void> {
    await this.redis.del(this.keys(ip, email).email);
  }
}
