import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, CommonConfig } from '../config/app-config';
import { RateLimiter } from '../rate-limit/rate-limiter.service';
import { REDIS } from './redis.token';

export { REDIS };


/**
 * One shared ioredis client per process (rate limits, page generations,
 * health). BullMQ opens its own. Auto-pipelining: the commands that requests
 * arriving together send (a public page's rate-limit script each) leave in
 * one write and their replies come back in one read, instead of a system
 * call each; each command and its reply are the same as without.
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (cfg: CommonConfig) => new Redis(cfg.REDIS_URL, { maxRetriesPerRequest: 2, enableOfflineQueue: false, lazyConnect: false, enableAutoPipelining: true }),
    },
    RateLimiter,
  ],
  exports: [REDIS, RateLimiter],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
