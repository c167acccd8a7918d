import { CapacityGate } from './capacity-gate';
import { DatabaseBusyError } from './pool-guard';

/** A unit of work that finishes when the test says so. */
function task() {
  let finish!: () => void;
  const done = new Promise<void>((r) => (finish = r));
  return { done, finish };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('CapacityGate', () => {
  afterEach(() => jest.useRealTimers());

  it('runs at most `limit` at once and admits the others first come, first served', async () => {
    const gate = new CapacityGate(2, 60_000);
    const order: number[] = [];
    const tasks = Array.from({ length: 5 }, () => task());
    const runs = tasks.map((t, i) => gate.run(async () => { order.push(i); await t.done; }));
    await flush();
    expect(order).toEqual([0, 1]);
    expect(gate.stats).toEqual({ active: 2, waiting: 3 });
    tasks[1].finish();
    await flush();
    expect(order).toEqual([0, 1, 2]);
    tasks[0].finish();
    tasks[2].finish();
    await flush();
    expect(order).toEqual([0, 1, 2, 3, 4]);
    tasks[3].finish();
    tasks[4].finish();
    await Promise.all(runs);
    expect(gate.stats).toEqual({ active: 0, waiting: 0 });
  });

  it('refuses with DatabaseBusyError (503, Retry-After) what is not admitted in time, and frees its place', async () => {
    jest.useFakeTimers();
    const gate = new CapacityGate(1, 1000);
    const first = task();
    const running = gate.run(() => first.done);
    const waiting = gate.run(async () => 'never');
    const outcome = waiting.then(() => 'ran', (e: unknown) => e);
    jest.advanceTimersByTime(1000);
    const refused = await outcome;
    expect(refused).toBeInstanceOf(DatabaseBusyError);
    expect((refused as DatabaseBusyError).kind).toBe('unavailable'); // 503 with Retry-After (the API's DomainErrorFilter)
    expect(gate.stats).toEqual({ active: 1, waiting: 0 });
    first.finish();
    await running;
    expect(await gate.run(async () => 'next')).toBe('next');
    expect(gate.stats).toEqual({ active: 0, waiting: 0 });
  });

  it('frees the place of work that failed', async () => {
    const gate = new CapacityGate(1, 60_000);
    await expect(gate.run(async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await gate.run(async () => 'after')).toBe('after');
  });
});
