import { AuditService } from '@regula/audit';
import type { ControllerDefinition, Register } from '@regula/engine';
import { PdfWorkerError, PdfWorkers } from '@regula/exports';
import { TenantSyncService } from '@regula/registers';
import { findTenant } from '@regula/tenants';
import { Harness, startApi } from './support/api-harness';
import { createStaff } from './support/staff';

const REGISTERS = 300;
const SLUG = 'pdf-workers';

/** Inomedis' registers cloned to `n` (as bench/exports.bench.ts does), under a tenant of its own. */
function synthetic(source: ControllerDefinition, n: number): ControllerDefinition {
  const registers: Register[] = Array.from({ length: n }, (_, i) => {
    const r = structuredClone(source.registers[i % source.registers.length]);
    r.id = `${r.id}-${String(i + 1).padStart(4, '0')}`;
    r.name = Object.fromEntries(Object.entries(r.name).map(([lang, text]) => [lang, `${text} ${i + 1}`])) as Register['name'];
    return r;
  });
  const copy = structuredClone(source);
  const cloneIds = (key: string) => registers.filter((_, i) => source.registers[i % source.registers.length].id === key).map((r) => r.id);
  return { ...copy, slug: SLUG, legalName: `${source.legalName} (${n} registers)`, registers, policyChanges: { ...copy.policyChanges, accountRegisters: copy.policyChanges.accountRegisters?.flatMap(cloneIds) } };
}

/** The record PDF of a large controller is rendered by a worker thread: the API keeps answering meanwhile. */
describe('exports: PDFs off the event loop', () => {
  let h: Harness;
  let token: string;

  beforeAll(async () => {
    h = await startApi({ EXPORT_PDF_WORKERS: '1' });
    await h.app.listen(0, '127.0.0.1');
    const def = synthetic(findTenant('inomedis')! as ControllerDefinition, REGISTERS);
    await h.db.owner.transaction((em) => new TenantSyncService(new AuditService()).sync(em, def, 'pdf workers test'));
    await createStaff(h.db.owner, 'admin@pdf-workers.test', { tenant: SLUG, role: 'compliance-admin' });
    token = await h.login('admin@pdf-workers.test');
  }, 180000);
  afterAll(async () => {
    await h?.close();
  });

  it(`keeps answering GET /health while the record PDF of ${REGISTERS} registers renders in a worker thread`, async () => {
    const workers = h.app.get(PdfWorkers);
    expect(workers.size).toBe(1); // EXPORT_PDF_WORKERS
    expect(workers.running).toBe(0); // started on the first PDF
    // Answers are counted only once the render has been handed to the pool.
    let rendering = false;
    const real = workers.render.bind(workers);
    const render = jest.spyOn(workers, 'render').mockImplementation((...args: Parameters<typeof workers.render>) => ((rendering = true), real(...args)));
    let done = false;
    const pdf = h.http().get(`/api/v1/tenants/${SLUG}/exports/record.pdf`).set('Authorization', `Bearer ${token}`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).then((res) => ((done = true), res));
    // Counted, not timed: a render on the API's own event loop would hold every /health
    // answer until it ended, so none would come back between its start and the PDF.
    let answered = 0;
    while (!done) {
      // Answered is what counts here (the event loop free); a probe slower than its 2 s on a busy machine says 503, still an answer.
      expect([200, 503]).toContain((await h.http().get('/health')).status);
      if (rendering && !done) answered++;
      await new Promise((r) => setTimeout(r, 100));
    }
    const res = await pdf;
    expect(render).toHaveBeenCalledTimes(1);
    render.mockRestore();
    expect(res.status).toBe(200);
    const body = res.body as Buffer;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    expect((body.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(REGISTERS);
    expect(answered).toBeGreaterThan(5);
    expect((await h.http().get('/health')).status).toBe(200);
    expect(workers.running).toBe(1);
  }, 180000);

  it('answers 500 and audits export.failed when a PDF worker fails', async () => {
    const workers = h.app.get(PdfWorkers);
    const spy = jest.spyOn(workers, 'render').mockRejectedValueOnce(new PdfWorkerError('a PDF worker exited (code 1) while rendering'));
    try {
      const key = `${findTenant('inomedis')!.registers[0].id}-0001`;
      const res = await h.http().get(`/api/v1/tenants/${SLUG}/exports/registers/${key}/description.pdf`).set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(500);
      expect(res.body.message).toMatch(/could not be built: a PDF worker exited/);
    } finally {
      spy.mockRestore();
    }
    const [entry] = await h.db.owner.query(`SELECT action, details FROM audit_log WHERE action = 'export.failed' ORDER BY id DESC LIMIT 1`);
    expect(entry.details).toMatchObject({ export: 'register-description', format: 'pdf', reason: 'a PDF worker exited (code 1) while rendering' });
  });

  it('terminates its workers when the application shuts down', async () => {
    const workers = h.app.get(PdfWorkers);
    await h.close();
    expect(workers.running).toBe(0);
    h = undefined as unknown as Harness;
  }, 60000);
});
