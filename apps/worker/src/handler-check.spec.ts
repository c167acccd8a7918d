import { HandlerCheck, MissingHandlerError } from './handler-check';
import { HANDLED_JOBS } from './job-handlers';
// Loads every processor (each declares its job names with handles()).
import './worker.module';

describe('worker boot check', () => {
  it('passes when every job name has a handler', () => {
    expect(() => new HandlerCheck().onModuleInit()).not.toThrow();
  });

  it('refuses to boot when a job name has no handler', () => {
    HANDLED_JOBS.delete('verify-chain');
    try {
      expect(() => new HandlerCheck().onModuleInit()).toThrow(MissingHandlerError);
      expect(() => new HandlerCheck().onModuleInit()).toThrow('audit/verify-chain');
    } finally {
      HANDLED_JOBS.add('verify-chain');
    }
  });
});
