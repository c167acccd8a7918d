import { JobAttempt, JobData, JobHandlers, QueueName } from '@regula/platform';
import { JobDispatcher } from './job-dispatcher';

describe('JobDispatcher', () => {
  const calls: { name: string; data: unknown; attempt: JobAttempt }[] = [];
  const handlers: JobHandlers<QueueName.Retention> = {
    'retention-sweep-all': async (data, attempt) => calls.push({ name: 'retention-sweep-all', data, attempt }),
    'retention-sweep': async (data, attempt) => {
      calls.push({ name: 'retention-sweep', data, attempt });
      return { runId: data.runId };
    },
    'retention-recompute': async (data, attempt) => calls.push({ name: 'retention-recompute', data, attempt }),
  };
  const dispatcher = new JobDispatcher(QueueName.Retention, handlers);
  beforeEach(() => (calls.length = 0));

  it('routes a job to the handler its name keys, with its data, and returns what the handler returns', async () => {
    const data: JobData<'retention-sweep'> = { tenantId: 't1', runId: 'r1' };
    await expect(dispatcher.dispatch({ name: 'retention-sweep', data, attemptsMade: 0, opts: { attempts: 5 } })).resolves.toEqual({ runId: 'r1' });
    expect(calls).toEqual([{ name: 'retention-sweep', data, attempt: { number: 1, of: 5, final: false } }]);
  });

  it('tells the handler when no retry follows', async () => {
    await dispatcher.dispatch({ name: 'retention-recompute', data: { tenantId: 't1', registerKey: 'k' }, attemptsMade: 4, opts: { attempts: 5 } });
    await dispatcher.dispatch({ name: 'retention-sweep-all', data: {}, attemptsMade: 0, opts: {} });
    expect(calls.map((c) => c.attempt)).toEqual([
      { number: 5, of: 5, final: true },
      { number: 1, of: 1, final: true },
    ]);
  });

  it('fails a job whose name has no handler, calling none', async () => {
    await expect(dispatcher.dispatch({ name: 'sla-sweep', data: {}, attemptsMade: 0, opts: {} })).rejects.toThrow('no handler for job sla-sweep');
    await expect(dispatcher.dispatch({ name: 'toString', data: {}, attemptsMade: 0, opts: {} })).rejects.toThrow('no handler for job toString');
    expect(calls).toEqual([]);
  });

  it('lists the names it handles', () => {
    expect(dispatcher.names.sort()).toEqual(['retention-recompute', 'retention-sweep', 'retention-sweep-all']);
  });

  it('types each handler by its payload', () => {
    const wrong: JobHandlers<QueueName.Sla> = {
      // @ts-expect-error: sla-reminder's payload has requestId, not runId
      'sla-reminder': async (data) => data.runId,
      'sla-sweep': async () => undefined,
      'identity-wait-sweep': async () => undefined,
    };
    // @ts-expect-error: a queue's table must handle every job of the queue
    const missing: JobHandlers<QueueName.Sla> = { 'sla-sweep': async () => undefined };
    expect([wrong, missing]).toHaveLength(2);
  });
});
