import { DatabaseBusyError } from './pool-guard';

interface Waiter {
  admit(): void;
  timer: NodeJS.Timeout;
}

/**
 * At most `limit` units of work at once, the others admitted first come,
 * first served, each waiting at most `maxWaitMs` before it is refused with
 * DatabaseBusyError (503, Retry-After).
 *
 * Why: a request needs a pooled connection several times (the tenant, the
 * facts, the filing, the work after the commit) and re-joins the pool's
 * queue each time, so under a burst every request advances a little and
 * they all finish late together: with more requests than the server can
 * serve in a client's patience, every client gave up (issue 12). Admitted in
 * order, the early ones finish early and the ones that cannot be served in
 * time are told so at once.
 */
export class CapacityGate {
  private active = 0;
  private readonly waiting: Waiter[] = [];

  constructor(readonly limit: number, readonly maxWaitMs: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.enter();
    try {
      return await work();
    } finally {
      this.leave();
    }
  }

  /** Resolves once admitted (call `leave` after), or rejects with DatabaseBusyError after `maxWaitMs`. */
  enter(): Promise<void> {
    if (this.active < this.limit && !this.waiting.length) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        admit: () => {
          clearTimeout(waiter.timer);
          this.active += 1;
          resolve();
        },
        timer: setTimeout(() => {
          const i = this.waiting.indexOf(waiter);
          if (i >= 0) this.waiting.splice(i, 1);
          reject(new DatabaseBusyError(new Error(`not admitted within ${this.maxWaitMs} ms (${this.active} running, ${this.waiting.length} waiting)`)));
        }, this.maxWaitMs),
      };
      this.waiting.push(waiter);
    });
  }

  leave(): void {
    this.active -= 1;
    this.waiting.shift()?.admit();
  }

  get stats(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }
}
