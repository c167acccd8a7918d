import { EntityManager } from 'typeorm';
import { CommonConfig, TenantDb } from '@regula/platform';
import { TenantEntity } from '@regula/tenancy';
import { IdentityWaitSweep } from './identity-wait-sweep.service';
import { PostalLettersService } from './postal-letters.service';
import { RequestJournal } from './request-journal.service';
import { RequestNotifier } from './request-notifier.service';
import { RequestSuspensionEntity } from './request-suspension.entity';
import { RightsRequestEntity } from './rights-request.entity';

const NOW = new Date('2026-03-02T08:00:00Z');

/** A run reads each tenant's facts once, however many of its requests wait (and not at all for a tenant with none). */
describe('IdentityWaitSweep', () => {
  it("loads a tenant's facts once per run, not once per waiting request", async () => {
    const waiting: Record<string, string[]> = { t1: ['r1', 'r2', 'r3'], t2: [] };
    const tenantReads: string[] = [];
    const emFor = (tenantId: string) =>
      ({
        find: async (entity: unknown) => (entity === RightsRequestEntity ? waiting[tenantId].map((id) => ({ id })) : []),
        findOne: async (entity: unknown) => {
          if (entity === TenantEntity) {
            tenantReads.push(tenantId);
            return { id: tenantId, slug: tenantId, legalName: 'X', country: 'SE', timeZone: 'Europe/Stockholm', definition: { jurisdiction: { authority: { name: 'IMY' } } } };
          }
          // A web filing asked for identity just now: nothing is due yet, but its step reads the plan.
          if (entity === RightsRequestEntity) return { id: 'r', tenantId, state: 'awaiting-identity', channel: 'web-form', emailVerifiedAt: null, identityRemindersSent: 0 };
          if (entity === RequestSuspensionEntity) return { kind: 'identity', fromAt: NOW, toAt: null };
          return null;
        },
      }) as unknown as EntityManager;
    const db = {
      forEachTenant: async (work: (id: string) => Promise<void>) => {
        for (const id of Object.keys(waiting)) await work(id);
        return 2;
      },
      forTenant: async <T>(tenantId: string, work: (em: EntityManager) => Promise<T>) => work(emFor(tenantId)),
    } as unknown as TenantDb;
    const sweep = new IdentityWaitSweep(db, {} as RequestJournal, {} as RequestNotifier, {} as PostalLettersService, { REQUESTS_IDENTITY_REMINDER_DAYS: '7,14', REQUESTS_IDENTITY_CLOSE_DAYS: 30 } as CommonConfig, () => NOW);
    expect(await sweep.sweep()).toEqual({ reminded: 0, closed: 0, expired: 0 });
    expect(tenantReads).toEqual(['t1']);
  });
});
