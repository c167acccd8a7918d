import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { AfterCommit, DomainEvents, loadCliPagesConfig } from '@regula/platform';
import { TenantPagesChanged, pageGenerationKey } from '@regula/tenancy';

/**
 * The command line's handler of TenantPagesChanged: after a sync, a confirmed
 * fact or a first publish commits, the tenant's public-page generation goes up
 * in the Redis of the running API nodes (REDIS_URL), exactly as when the change
 * is made through the API, so no node keeps serving the page from before. Without
 * REDIS_URL nothing runs the pages and nothing is done; Redis out of reach is
 * said on stderr (the change itself is committed), with the command that
 * refreshes the pages by hand.
 */
export function refreshPagesAfterChanges(ds: DataSource): { close(): Promise<void> } {
  const { REDIS_URL } = loadCliPagesConfig();
  if (!REDIS_URL) return { close: async () => {} };
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 3000, retryStrategy: () => null });
  redis.on('error', () => {}); // said once per change below
  const afterCommit = new AfterCommit(ds);
  const events = new DomainEvents(ds, afterCommit);
  afterCommit.onModuleInit();
  events.onModuleInit();
  events.on(TenantPagesChanged, async ({ tenantId }) => {
    try {
      await redis.incr(pageGenerationKey(tenantId));
    } catch (e) {
      process.stderr.write(
        `the public pages of tenant ${tenantId} could not be refreshed (Redis: ${e instanceof Error ? e.message : String(e)}); ` +
          `running API nodes show the change at the next one, or after: redis-cli INCR ${pageGenerationKey(tenantId)}\n`,
      );
    }
  });
  return {
    async close() {
      events.onModuleDestroy();
      afterCommit.onModuleDestroy();
      redis.disconnect();
    },
  };
}
