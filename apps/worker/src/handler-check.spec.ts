import { QueueName } from '@regula/platform';
import { HandlerCheck, MissingHandlerError } from './handler-check';
import { JobDispatcher } from './job-dispatcher';
import { WORKER_QUEUES } from './worker-queues';

/** The worker's dispatchers over its real handler tables (the handlers are not called, so their services are not needed). */
function workerDispatchers(): JobDispatcher[] {
  return (Object.keys(WORKER_QUEUES) as QueueName[]).map((queue) => new JobDispatcher(queue, new WORKER_QUEUES[queue].handlers().handlers));
}

describe('worker boot check', () => {
  it('passes when every job name has a handler', () => {
    expect(() => new HandlerCheck(workerDispatchers()).onModuleInit()).not.toThrow();
  });

  it('refuses to boot when a job name has no handler', () => {
    const dispatchers = workerDispatchers().map((d) => {
      if (d.queue !== QueueName.Audit) return d;
      const { 'verify-chain': _dropped, ...rest } = new WORKER_QUEUES[QueueName.Audit].handlers().handlers;
      return new JobDispatcher(QueueName.Audit, rest as never);
    });
    expect(() => new HandlerCheck(dispatchers).onModuleInit()).toThrow(MissingHandlerError);
    expect(() => new HandlerCheck(dispatchers).onModuleInit()).toThrow('audit/verify-chain');
  });

  it('refuses to boot when a queue has no host', () => {
    const dispatchers = workerDispatchers().filter((d) => d.queue !== QueueName.Policy);
    expect(() => new HandlerCheck(dispatchers).onModuleInit()).toThrow('no handler for job(s): policy/policy-announce');
  });
});
