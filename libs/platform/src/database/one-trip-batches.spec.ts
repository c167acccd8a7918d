import type { DataSource } from 'typeorm';
import { mergedParts, OneTripBatches } from './one-trip-batches';
import { OneTripWrites } from './one-trip-writes';

/** A unit of a filing's shape: a request and its event. */
function filing(n: number): OneTripWrites {
  const unit = new OneTripWrites(null as unknown as DataSource);
  unit.parts.push({ table: 'requests', columns: ['id'], rows: [{ id: `r${n}` }], retryOnTaken: true });
  unit.parts.push({ table: 'events', columns: ['id', 'request_id'], rows: [{ id: `e${n}`, request_id: `r${n}` }], retryOnTaken: false });
  return unit;
}

/** PostgreSQL's answer to a statement it refused (what TypeORM's QueryFailedError carries). */
const refused = (code: string) => Object.assign(new Error(`refused ${code}`), { driverError: { code, severity: 'ERROR' } });

/** A writer that holds each call until released, recording what each call wrote. */
function heldWriter(fail: (parts: { table: string; rows: { id: string; request_id?: string }[] }[]) => Error | null = () => null) {
  const calls: { tenant: string; parts: { table: string; rows: { id: string; request_id?: string }[] }[]; release: () => void }[] = [];
  const write = (tenant: string, json: string) =>
    new Promise<string[]>((resolve, reject) => {
      const parts = JSON.parse(json);
      calls.push({ tenant, parts, release: () => { const e = fail(parts); if (e) reject(e); else resolve([]); } });
    });
  return { calls, write };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('one-trip units written together (group commit)', () => {
  it('joins units of the same shape part by part: one INSERT per table for all of them, requests before their events', () => {
    const parts = JSON.parse(mergedParts([filing(1), filing(2), filing(3)]));
    expect(parts.map((p: { table: string }) => p.table)).toEqual(['requests', 'events']);
    expect(parts[0].rows.map((r: { id: string }) => r.id)).toEqual(['r1', 'r2', 'r3']);
    expect(parts[1].rows.map((r: { request_id: string }) => r.request_id)).toEqual(['r1', 'r2', 'r3']);
  });

  it('keeps a unit of another shape whole, after the others', () => {
    const other = new OneTripWrites(null as unknown as DataSource);
    other.parts.push({ table: 'events', columns: ['id'], rows: [{ id: 'x' }], retryOnTaken: false });
    const parts = JSON.parse(mergedParts([filing(1), other, filing(2)]));
    expect(parts.map((p: { table: string; rows: unknown[] }) => `${p.table}:${p.rows.length}`)).toEqual(['requests:2', 'events:2', 'events:1']);
  });

  it('writes a lone unit at once, and the units that arrive meanwhile together in the next call, each resolving only after its own call', async () => {
    const { calls, write } = heldWriter();
    const batches = new OneTripBatches(write);
    const done: number[] = [];
    const first = batches.add('t1', filing(1)).then(() => done.push(1));
    await tick();
    expect(calls).toHaveLength(1);
    const later = [2, 3, 4].map((n) => batches.add('t1', filing(n)).then(() => done.push(n)));
    await tick();
    expect(calls).toHaveLength(1);
    calls[0].release();
    await first;
    expect(done).toEqual([1]);
    await tick();
    expect(calls).toHaveLength(2);
    expect(calls[1].parts[0].rows.map((r) => r.id)).toEqual(['r2', 'r3', 'r4']);
    calls[1].release();
    await Promise.all(later);
    expect(done).toEqual([1, 2, 3, 4]);
  });

  it("does not make one tenant's units wait for another's write", async () => {
    const { calls, write } = heldWriter();
    const batches = new OneTripBatches(write);
    void batches.add('t1', filing(1));
    void batches.add('t2', filing(2));
    await tick();
    expect(calls.map((c) => c.tenant)).toEqual(['t1', 't2']);
    for (const c of calls) c.release();
  });

  it('when PostgreSQL refuses a joint call, writes each unit again on its own: only the unit at fault is refused', async () => {
    // Unit 3's request is refused (as a reference drawn twice would be), whatever call it is in.
    const { calls, write } = heldWriter((parts) => (parts[0].rows.some((r) => r.id === 'r3') ? refused('23505') : null));
    const batches = new OneTripBatches(write);
    void batches.add('t1', filing(1));
    await tick();
    const outcomes = [2, 3, 4].map((n) => batches.add('t1', filing(n)).then(() => 'written', (e: Error) => e.message));
    calls[0].release();
    await tick();
    calls[1].release(); // the joint call of 2, 3 and 4: refused
    await tick();
    expect(calls.slice(2).map((c) => c.parts[0].rows.map((r) => r.id))).toEqual([['r2'], ['r3'], ['r4']]);
    for (const c of calls.slice(2)) c.release();
    expect(await Promise.all(outcomes)).toEqual(['written', 'refused 23505', 'written']);
  });

  it('when a joint call failed without an answer (the connection broke), fails every unit of it and writes none again', async () => {
    const broken = Object.assign(new Error('Connection terminated unexpectedly'), { driverError: { code: 'ECONNRESET' } });
    const { calls, write } = heldWriter((parts) => (parts[0].rows.length > 1 ? broken : null));
    const batches = new OneTripBatches(write);
    void batches.add('t1', filing(1));
    await tick();
    const outcomes = [2, 3].map((n) => batches.add('t1', filing(n)).then(() => 'written', (e: Error) => e.message));
    calls[0].release();
    await tick();
    calls[1].release();
    expect(await Promise.all(outcomes)).toEqual(['Connection terminated unexpectedly', 'Connection terminated unexpectedly']);
    expect(calls).toHaveLength(2);
  });
});
