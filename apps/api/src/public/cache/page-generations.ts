import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { randomInt } from 'node:crypto';
import { DomainEvents, REDIS } from '@regula/platform';
import { TenantPagesChanged, pageGenerationKey } from '@regula/tenancy';

/**
 * The generation of each tenant's public pages: a number in Redis, shared by
 * every API node, that changes whenever something the pages show changes
 * (TenantPagesChanged, published by the lib that made the change and handled
 * here after its commit, before the change's HTTP call answers). Every node
 * reads it once per public request and keys what it cached by it, so a change
 * made through any node shows on all of them at once. The read usually rides
 * on the request's rate-limit command (PublicRateLimitGuard reads `key`);
 * `current` is the read on its own.
 */
@Injectable()
export class PageGenerations implements OnModuleInit, OnModuleDestroy {
  private off?: () => void;

  constructor(@Inject(REDIS) private readonly redis: Redis, private readonly events: DomainEvents) {}

  onModuleInit(): void {
    this.off = this.events.on(TenantPagesChanged, ({ tenantId }) => this.bump(tenantId));
  }

  onModuleDestroy(): void {
    this.off?.();
  }

  /** The Redis key of the tenant's generation, for a caller that reads it along with other commands. */
  key(tenantId: string): string {
    return pageGenerationKey(tenantId);
  }

  /** The tenant's current generation. */
  async current(tenantId: string): Promise<string> {
    const key = pageGenerationKey(tenantId);
    const found = await this.redis.get(key);
    if (found !== null) return found;
    // None yet (a new Redis, or one that lost its data): start at a random number, so that an
    // ETag a browser kept from before can never name a page of the new count by chance.
    await this.redis.set(key, String(randomInt(1, 2 ** 47)), 'NX');
    return (await this.redis.get(key)) ?? '0';
  }

  /** A new generation: every node renders the tenant's pages afresh. */
  async bump(tenantId: string): Promise<void> {
    await this.redis.incr(pageGenerationKey(tenantId));
  }
}
