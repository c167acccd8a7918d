import { Injectable, OnModuleInit } from '@nestjs/common';
import { JOB_NAMES } from '@regula/platform';
import { HANDLED_JOBS } from './job-handlers';

export class MissingHandlerError extends Error {}

/** Refuses to boot when a job name of libs/platform/queue has no handler. */
@Injectable()
export class HandlerCheck implements OnModuleInit {
  onModuleInit(): void {
    const missing = Object.entries(JOB_NAMES).flatMap(([queue, names]) => names.filter((n) => !HANDLED_JOBS.has(n)).map((n) => `${queue}/${n}`));
    if (missing.length) throw new MissingHandlerError(`no handler for job(s): ${missing.join(', ')}`);
  }
}
