import { getQueueToken } from '@nestjs/bullmq';
import type { ModuleRef } from '@nestjs/core';
import { JobProducer, queueOf } from './job-producer';
import { JOB_NAMES, QueueName } from './queue-names';

/** Queues that record what they are asked, found by their Nest token like the real ones. */
function fakeQueues(failedIds: string[] = []) {
  const calls: { queue: string; op: string; args: unknown[] }[] = [];
  const queues = new Map(
    Object.values(QueueName).map((q) => [
      getQueueToken(q),
      {
        add: async (...args: unknown[]) => void calls.push({ queue: q, op: 'add', args }),
        addBulk: async (...args: unknown[]) => void calls.push({ queue: q, op: 'addBulk', args }),
        getJob: async (id: string) =>
          failedIds.includes(id) ? { getState: async () => 'failed', retry: async (s: string) => void calls.push({ queue: q, op: 'retry', args: [id, s] }) } : undefined,
      },
    ]),
  );
  const moduleRef = { get: (token: string) => queues.get(token) } as unknown as ModuleRef;
  return { producer: new JobProducer(moduleRef), calls };
}

describe('JobProducer', () => {
  it('knows the queue of every job name, as JOB_NAMES declares it', () => {
    for (const [queue, names] of Object.entries(JOB_NAMES)) for (const n of names) expect(queueOf(n)).toBe(queue);
    expect(() => queueOf('no-such-job' as never)).toThrow(/no queue/);
  });

  it('adds a job to the queue its name belongs to, with its data and options', async () => {
    const { producer, calls } = fakeQueues();
    await producer.add('sla-reminder', { tenantId: 't', requestId: 'r', kind: 'overdue', dueAt: '2026-01-01T00:00:00.000Z' }, { jobId: 'j1', delay: 5 });
    await producer.add('deliver-webhook', { tenantId: 't', deliveryId: 'd' });
    expect(calls).toEqual([
      { queue: 'sla', op: 'add', args: ['sla-reminder', { tenantId: 't', requestId: 'r', kind: 'overdue', dueAt: '2026-01-01T00:00:00.000Z' }, { jobId: 'j1', delay: 5 }] },
      { queue: 'webhooks', op: 'add', args: ['deliver-webhook', { tenantId: 't', deliveryId: 'd' }, undefined] },
    ]);
  });

  it('adds several jobs in one call per queue', async () => {
    const { producer, calls } = fakeQueues();
    await producer.addBulk([
      { name: 'verify-chain', data: { tenantId: 'a' } },
      { name: 'verify-chain', data: { tenantId: 'b' } },
    ]);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ queue: 'audit', op: 'addBulk' });
    expect(calls[0].args[0]).toHaveLength(2);
  });

  it('retries a job with the same fixed id that gave up, and adds it otherwise', async () => {
    const { producer, calls } = fakeQueues(['retention-sweep-1']);
    await producer.addOrRetry('retention-sweep', { tenantId: 't', runId: '1' }, { jobId: 'retention-sweep-1' });
    await producer.addOrRetry('retention-sweep', { tenantId: 't', runId: '2' }, { jobId: 'retention-sweep-2' });
    expect(calls.map((c) => `${c.queue} ${c.op}`)).toEqual(['retention retry', 'retention add']);
  });

  // Checked by the type checker (npm test runs it): an unused @ts-expect-error is an error, so these lines must not compile.
  it('checks the data against the job name at compile time', () => {
    const { producer } = fakeQueues();
    // Never called.
    const wrong = [
      // @ts-expect-error: a send-email job carries an emailId, not a requestId
      () => producer.add('send-email', { tenantId: 't', requestId: 'r' }),
      // @ts-expect-error: no such job
      () => producer.add('send-mail', { tenantId: 't', emailId: 'e' }),
    ];
    void wrong;
  });
});
