import { REGULA_SCHEMA } from '../apps/schema';
import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AfterCommit, DomainEvent, DomainEvents, QueueName, TenantDb, dataSourceOptions, poolStats } from '@regula/platform';
import { REQUESTS_PORT, RequestsPort } from '@regula/requests';
import { slaJobId } from '@regula/sla';
import { consentEffectJobId } from '@regula/consent';
import { Harness, startApi } from './support/api-harness';
import { Mailbox } from './support/mailbox';
import { createStaff } from './support/staff';
import { createTestDatabase, TestDatabase } from './support/test-database';

class Pinged extends DomainEvent<{ n: number }> {}
class Ponged extends DomainEvent<{ n: number }> {}

/**
 * Domain events (libs/platform/src/events/domain-events.ts) on a real
 * PostgreSQL: delivered only after the commit, once the committing
 * connection is back in the pool (on a pool of one connection a handler
 * opens its own transaction), never for a rolled-back transaction or
 * savepoint, a failing handler logged and not thrown to the publisher. Then
 * the work the TypeORM subscribers used to start, started by the events
 * alone: a request's state change through the service schedules its SLA
 * jobs, a withdrawal ingested as an update schedules its consent effect.
 */
describe('domain events', () => {
  describe('the mechanism', () => {
    let db: TestDatabase;
    const open: DataSource[] = [];
    const tenant = randomUUID();

    /** The application role's data source with `size` connections, its AfterCommit and DomainEvents started as their module would. */
    async function pool(size: number): Promise<{ ds: DataSource; tx: TenantDb; events: DomainEvents }> {
      const ds = await new DataSource(dataSourceOptions(db.appUrl, REGULA_SCHEMA, size, 'regula-events-test', 1000)).initialize();
      open.push(ds);
      const afterCommit = new AfterCommit(ds);
      afterCommit.onModuleInit();
      const events = new DomainEvents(ds, afterCommit);
      events.onModuleInit();
      return { ds, tx: new TenantDb(ds), events };
    }

    beforeAll(async () => {
      db = await createTestDatabase();
    });
    afterAll(async () => {
      for (const ds of open) await ds.destroy();
      await db?.drop();
    });

    it('delivers after the commit, once the connection is back in the pool: on a pool of one the handler opens its own transaction', async () => {
      const { ds, tx, events } = await pool(1);
      const seen: string[] = [];
      events.on(Pinged, async ({ n }) => {
        const [row] = await tx.forTenant(tenant, (em) => em.query(`SELECT current_setting('app.tenant_id') AS t`));
        seen.push(`handled ${n} in a transaction of ${row.t === tenant ? 'its tenant' : row.t}`);
      });
      await tx.forTenant(tenant, async (em) => {
        await DomainEvents.publish(em, new Pinged({ n: 1 }));
        seen.push('published');
        await em.query('SELECT 1');
        seen.push('transaction done');
      });
      seen.push('caller resumed');
      expect(seen).toEqual(['published', 'transaction done', 'handled 1 in a transaction of its tenant', 'caller resumed']);
      expect(poolStats(ds).secondConnectionWaits).toBe(0);
    });

    it('drops the events of a rolled-back transaction, and of a rolled-back savepoint while the rest commits', async () => {
      const { tx, events } = await pool(1);
      const got: number[] = [];
      events.on(Pinged, async ({ n }) => void got.push(n));
      await expect(
        tx.forTenant(tenant, async (em) => {
          await events.publish(em, new Pinged({ n: 1 }));
          throw new Error('undo');
        }),
      ).rejects.toThrow('undo');
      await tx.forTenant(tenant, async (em) => {
        await events.publish(em, new Pinged({ n: 2 }));
        await em
          .transaction(async (inner) => {
            await events.publish(inner, new Pinged({ n: 3 }));
            throw new Error('undo the savepoint');
          })
          .catch(() => undefined);
        await events.publish(em, new Pinged({ n: 4 }));
      });
      expect(got).toEqual([2, 4]);
    });

    it('a failing handler is logged, not thrown: the publisher commits and the other handlers still run', async () => {
      const { tx, events } = await pool(1);
      const got: string[] = [];
      events.on(Pinged, async () => {
        throw new Error('handler broke');
      });
      events.on(Pinged, async ({ n }) => void got.push(`second handler got ${n}`));
      const result = await tx.forTenant(tenant, async (em) => {
        await events.publish(em, new Pinged({ n: 5 }));
        return 'committed';
      });
      expect(result).toBe('committed');
      expect(got).toEqual(['second handler got 5']);
    });

    it("reaches only the handlers of the event's class, and no handler once removed; outside a transaction at once", async () => {
      const { ds, events } = await pool(1);
      const got: string[] = [];
      const off = events.on(Pinged, async ({ n }) => void got.push(`ping ${n}`));
      events.on(Ponged, async ({ n }) => void got.push(`pong ${n}`));
      await events.publish(ds.manager, new Ponged({ n: 6 }));
      off();
      await events.publish(ds.manager, new Pinged({ n: 7 }));
      expect(got).toEqual(['pong 6']);
    });
  });

  describe('in the API, with no TypeORM subscriber but AfterCommit', () => {
    let h: Harness;
    let mailbox: Mailbox;

    beforeAll(async () => {
      mailbox = await Mailbox.start();
      h = await startApi({ PUBLIC_BASE_URL: 'https://regula.test', SMTP_URL: mailbox.smtpUrl });
      await h.app.get<Queue>(getQueueToken(QueueName.Sla)).obliterate({ force: true }).catch(() => undefined);
      await h.app.get<Queue>(getQueueToken(QueueName.Consent)).obliterate({ force: true }).catch(() => undefined);
    });
    afterAll(async () => {
      await h?.close();
      await mailbox?.close();
    });

    it('has AfterCommit as its only TypeORM subscriber', () => {
      const subscribers = h.app.get(DataSource).subscribers;
      expect(subscribers.length).toBeGreaterThan(0);
      expect(subscribers.filter((s) => !(s instanceof AfterCommit))).toEqual([]);
    });

    /** Waits for the jobs of `queue` that `match` (after-commit scheduling is asynchronous) until there are `count`. */
    async function jobs(queue: Queue, match: (j: Job) => boolean, count: number): Promise<Job[]> {
      for (let i = 0; i < 50; i++) {
        const found = (await queue.getJobs(['delayed', 'waiting'])).filter(match);
        if (found.length >= count) return found;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`fewer than ${count} jobs`);
    }

    it('a request whose identity is confirmed through the service gets its SLA jobs (RequestClockChanged, handled by libs/sla)', async () => {
      const [{ id: tenantId }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'inomedis'`);
      const port = h.app.get<RequestsPort>(REQUESTS_PORT);
      const filed = await port.fileRequest(tenantId, { type: 'access', name: 'Anna', email: 'events@subject.test', locale: 'lv', details: {} }, { ip: '198.51.100.77' });
      const code = await mailbox.code(h, filed.request.reference);
      const req = await port.verifyEmail(tenantId, filed.request.reference, code, { ip: '198.51.100.77' });
      expect(req.state).toBe('in-progress');
      const queue = h.app.get<Queue>(getQueueToken(QueueName.Sla));
      const found = await jobs(queue, (j) => j.data.requestId === req.id, 6);
      const dueAt = new Date(req.dueAt);
      expect(found.map((j) => j.id).sort()).toEqual(
        ['reminder-14', 'reminder-7', 'reminder-2', 'reminder-0', 'overdue'].map((k) => slaJobId(req.id, k, dueAt)).concat(slaJobId(req.id, 'extension-alarm', new Date(req.firstDueAt))).sort(),
      );
    });

    it('a withdrawal a source system reports as an update of a consent schedules its effect (ConsentWithdrawn, handled by libs/consent)', async () => {
      await createStaff(h.db.owner, 'admin@ino-events.test', { tenant: 'inomedis' });
      const token = await h.login('admin@ino-events.test');
      // 'crm': a system the marketing register receives data from.
      const system = await h.http().post('/api/v1/tenants/inomedis/systems').set('Authorization', `Bearer ${token}`).send({ name: 'crm' });
      expect(system.status).toBe(201);
      const subject = { kind: 'email', value: 'events-client@example.lv' };
      const consent = { externalId: 'ev-consent', subject, register: 'marketing', purpose: 'surveys-new-products', givenAt: '2025-05-10T09:00:00Z', channel: 'web-form' };
      const ingest = (body: object) => h.http().post('/api/v1/ingest/inomedis/batch').set('Authorization', `Bearer ${system.body.apiKey}`).send(body);
      expect((await ingest({ subjects: [{ externalRef: 'ev-1', identifiers: [subject] }], consents: [consent] })).status).toBe(200);
      const withdrawnAt = new Date(Date.now() - 60_000);
      const res = await ingest({ consents: [{ ...consent, withdrawnAt: withdrawnAt.toISOString() }] });
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([expect.objectContaining({ item: 'consents[0]', status: 'updated' })]);
      const [{ id: consentId }] = await h.db.owner.query(`SELECT id FROM consents WHERE external_id = 'ev-consent'`);
      const queue = h.app.get<Queue>(getQueueToken(QueueName.Consent));
      const [job] = await jobs(queue, (j) => j.data.consentId === consentId, 1);
      expect(job.id).toBe(consentEffectJobId(consentId, new Date(withdrawnAt.toISOString())));
    });
  });
});
