import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { REDIS } from '@regula/platform';

/**
 * Ids (`jti`) of access tokens signed out before they expired, in Redis, each
 * kept until its token would have expired anyway. Shared by every API node.
 */
@Injectable()
export class TokenDenylist {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  private key(jti: string): string {
    return `regula:revoked-token:${jti}`;
  }

  /** Refuses the token from now until `exp` (epoch seconds). */
  async add(jti: string, exp: number, nowMs = Date.now()): Promise<void> {
    const ttl = Math.ceil(exp - nowMs / 1000);
    if (ttl > 0) await this.redis.set(this.key(jti), '1', 'EX', ttl);
  }

  /** One GET per request. Throws when Redis does not answer: the caller refuses the token (fails closed). */
  async has(jti: string): Promise<boolean> {
    return (await this.redis.get(this.key(jti))) !== null;
  }
}
