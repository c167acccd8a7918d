import { prefetched } from './evidence-pack.files';

describe('prefetched pack files', () => {
  it('yields the jobs in order, with at most `ahead` started before their turn', async () => {
    const started: number[] = [];
    const resolvers: (() => void)[] = [];
    const jobs = Array.from({ length: 6 }, (_, i) => () => {
      started.push(i);
      return new Promise<number>((resolve) => resolvers.push(() => resolve(i)));
    });
    const gen = prefetched(jobs, 2);
    const first = gen.next();
    expect(started).toEqual([0, 1]);
    resolvers[1](); // a later job finishing first does not jump the queue
    resolvers[0]();
    expect((await first).value).toBe(0);
    expect(started).toEqual([0, 1, 2]);
    const rest: number[] = [];
    const drain = (async () => {
      for await (const v of gen) rest.push(v);
    })();
    for (let i = 2; i < 6; i++) {
      await new Promise((r) => setImmediate(r));
      resolvers[i]();
    }
    await drain;
    expect(rest).toEqual([1, 2, 3, 4, 5]);
  });
});
