import { OnModuleInit } from '@nestjs/common';
import { JOB_NAMES, QueueName } from '@regula/platform';
import { JobDispatcher } from './job-dispatcher';

export class MissingHandlerError extends Error {}

/** `queue/name` of every job name of JOB_NAMES that no dispatcher of its queue handles. */
export function missingHandlers(dispatchers: readonly JobDispatcher[]): string[] {
  const handled = new Map(dispatchers.map((d) => [d.queue, new Set(d.names)]));
  return (Object.entries(JOB_NAMES) as [QueueName, string[]][]).flatMap(([queue, names]) => names.filter((n) => !handled.get(queue)?.has(n)).map((n) => `${queue}/${n}`));
}

/** Refuses to boot when a job name of libs/platform/queue has no handler on its queue (or its queue no host). */
export class HandlerCheck implements OnModuleInit {
  constructor(private readonly dispatchers: readonly JobDispatcher[]) {}

  onModuleInit(): void {
    const missing = missingHandlers(this.dispatchers);
    if (missing.length) throw new MissingHandlerError(`no handler for job(s): ${missing.join(', ')}`);
  }
}
