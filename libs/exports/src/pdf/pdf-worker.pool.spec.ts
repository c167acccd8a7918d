import { findTenant } from '@regula/tenants';
import { buildDescriptionModel } from '../descriptions/description-model';
import { descriptionPdf } from '../descriptions/description-pdf.builder';
import { buildRecordModel } from '../record/record-model';
import { recordPdf } from '../record/record-pdf.builder';
import type { Block, PageFrame } from './pdf-blocks';
import { PdfWorkerError, PdfWorkerPool } from './pdf-worker.pool';

/** The pool starts its workers from the .ts entry here (ts-node in the worker); the npm start e2e test covers the built .js. */
describe('PDF worker pool', () => {
  const at = new Date('2026-11-21T10:00:00Z');
  const def = findTenant('inomedis')!;
  const description = (i: number) => buildDescriptionModel(def, def.registers[i], 'lv', { asOf: '2026-11-21', timeZone: 'Europe/Riga', version: 1 });
  const record = () =>
    buildRecordModel(def, {
      asOf: '2026-11-21', timeZone: 'Europe/Riga', lang: 'lv', generatedAt: at,
      registerVersions: def.registers.map((r) => ({ key: r.id, version: 1, validFrom: new Date('2026-01-01T00:00:00Z'), contentHash: '0'.repeat(64) })),
    });
  const frame: PageFrame = { title: 't', subtitle: 's', pageOf: '{x}/{y}', orientation: 'portrait', lang: 'en', documentTitle: 'd' };
  const pools: PdfWorkerPool[] = [];
  const pool = (size: number, timeoutMs?: number) => {
    const p = new PdfWorkerPool(size, timeoutMs);
    pools.push(p);
    return p;
  };
  afterAll(() => Promise.all(pools.map((p) => p.close())));

  it('renders the same bytes as this thread, starting its workers on demand and reusing them', async () => {
    const p = pool(2);
    expect(p.workers).toBe(0);
    const [rec, ...descs] = await Promise.all([recordPdf(record(), p.render), ...[0, 1, 2, 3].map((i) => descriptionPdf(description(i), at, p.render))]);
    expect(p.workers).toBe(2);
    expect(rec.equals(await recordPdf(record()))).toBe(true);
    for (const [i, pdf] of descs.entries()) expect(pdf.equals(await descriptionPdf(description(i), at))).toBe(true);
    await descriptionPdf(description(4), at, p.render);
    expect(p.workers).toBe(2);
  }, 60000);

  it('fails a document the layout cannot render, and goes on with the same worker', async () => {
    const p = pool(1);
    await expect(p.render(frame, [{ kind: 'image' } as unknown as Block], at)).rejects.toThrow(/PDF rendering failed/);
    expect((await descriptionPdf(description(0), at, p.render)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(p.workers).toBe(1);
  }, 60000);

  it('fails a document that cannot be sent to a worker (not structured-clonable)', async () => {
    const p = pool(1);
    await expect(p.render(frame, [{ kind: 'text', text: 'x', style: { fontSize: 9 }, fn: () => 1 } as unknown as Block], at)).rejects.toThrow(/could not be sent to a PDF worker/);
    expect((await descriptionPdf(description(0), at, p.render)).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60000);

  it('fails the job of a worker that dies, and renders the next one with a new worker', async () => {
    const p = pool(1);
    const job = descriptionPdf(description(0), at, p.render);
    const slots = (p as unknown as { slots: { worker: { terminate(): Promise<number> } }[] }).slots;
    await slots[0].worker.terminate();
    await expect(job).rejects.toBeInstanceOf(PdfWorkerError);
    expect((await descriptionPdf(description(1), at, p.render)).equals(await descriptionPdf(description(1), at))).toBe(true);
    expect(p.workers).toBe(1);
  }, 60000);

  it('stops a worker that outlasts the timeout and fails its job instead of hanging', async () => {
    const p = pool(1, 50);
    await expect(recordPdf(record(), p.render)).rejects.toThrow(/not rendered within/);
    expect(p.workers).toBe(0);
  }, 60000);

  it('fails queued and running jobs on close, and refuses new ones', async () => {
    const p = pool(1);
    const running = expect(descriptionPdf(description(0), at, p.render)).rejects.toThrow(/shut down while/);
    const queued = expect(descriptionPdf(description(1), at, p.render)).rejects.toThrow(/shut down before/);
    await p.close();
    await running;
    await queued;
    await expect(descriptionPdf(description(2), at, p.render)).rejects.toThrow(/shut down/);
    expect(p.workers).toBe(0);
  });
});
