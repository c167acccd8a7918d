import { createHash } from 'node:crypto';
import { IncomingMessage, get as httpGet } from 'node:http';
import { AddressInfo } from 'node:net';
import JSZip from 'jszip';
import { formatLocalDate, localDateOf } from '@regula/engine';
import { Harness, startApi } from './support/api-harness';
import { AdminClient, textOf } from './support/admin-client';
import { createStaff } from './support/staff';

const base = '/admin/t/inomedis/exports';
const today = () => formatLocalDate(localDateOf(new Date(), 'Europe/Riga'));

/** The dashboard's Exports page: forms for the API's exports, downloads with the session cookie, audited; another tenant 404. */
describe('admin dashboard: exports', () => {
  let h: Harness;
  let auditor: AdminClient;
  let outsider: AdminClient;
  const binary = (path: string, c: AdminClient) =>
    h.http().get(path).set('Cookie', [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ')).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (x: Buffer) => chunks.push(x));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });

  const cookieOf = (c: AdminClient) => [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const raw = (path: string, c: AdminClient) =>
    new Promise<IncomingMessage>((resolve, reject) => {
      const port = (h.app.getHttpServer().address() as AddressInfo).port;
      httpGet(`http://127.0.0.1:${port}${path}`, { headers: { Cookie: cookieOf(c) } }, resolve).on('error', reject);
    });

  beforeAll(async () => {
    h = await startApi();
    await h.app.listen(0, '127.0.0.1');
    await createStaff(h.db.owner, 'auditor@ino.test', { tenant: 'inomedis', role: 'auditor' });
    await createStaff(h.db.owner, 'admin@micro.test', { tenant: 'micromedic' });
    auditor = new AdminClient(h);
    outsider = new AdminClient(h, '203.0.113.11');
    expect((await auditor.login('auditor@ino.test')).status).toBe(303);
    expect((await outsider.login('admin@micro.test')).status).toBe(303);
  });
  afterAll(() => h?.close());

  it('shows the forms, linked from the navigation', async () => {
    const res = await auditor.get(base);
    expect(res.status).toBe(200);
    expect(res.text).toContain(`href="${base}"`);
    expect(res.text).toContain(`action="${base}/record"`);
    expect(res.text).toContain(`action="${base}/description"`);
    expect(res.text).toContain(`action="${base}/evidence-pack"`);
    expect(res.text).toContain('value="internal-archive"');
    expect(textOf(res.text)).toContain('Evidence pack');
    const lv = await auditor.get(`${base}?lang=lv`);
    expect(textOf(lv.text)).toContain('Pierādījumu pakete');
  });

  it('downloads the record, a description and an evidence pack with the session cookie, each audited', async () => {
    const xlsx = await binary(`${base}/record?format=xlsx&asOf=${today()}&docLang=lv`, auditor).expect(200);
    expect(xlsx.headers['content-disposition']).toBe(`attachment; filename="inomedis-record-${today()}.xlsx"`);
    expect(xlsx.body.subarray(0, 2).toString()).toBe('PK');
    const [entry] = await h.db.owner.query(`SELECT actor, details FROM audit_log WHERE action = 'export.created' ORDER BY id DESC LIMIT 1`);
    expect(entry.actor).toBe('auditor@ino.test (auditor)');
    expect(entry.details.sha256).toBe(createHash('sha256').update(xlsx.body).digest('hex'));

    const html = await binary(`${base}/description?register=internal-archive&format=html&asOf=&docLang=lv`, auditor).expect(200);
    expect(html.body.toString('utf8')).toContain('<h2>1. Reģistra nosaukums</h2>');
    const zip = await binary(`${base}/evidence-pack?from=${today()}&to=${today()}`, auditor).expect(200);
    expect(Object.keys((await JSZip.loadAsync(zip.body)).files)).toContain('manifest.json');
  });

  it('streams the evidence pack, and while it streams answers a second one with a 429 page in the page\'s language', async () => {
    const first = await raw(`${base}/evidence-pack?from=${today()}&to=${today()}`, auditor);
    expect(first.statusCode).toBe(200);
    expect(first.headers['transfer-encoding']).toBe('chunked');
    expect(first.headers['content-length']).toBeUndefined();
    first.pause();
    const busy = await binary(`${base}/evidence-pack?from=${today()}&to=${today()}&lang=lv`, auditor).expect(429);
    expect(busy.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    expect(textOf(busy.body.toString('utf8'))).toContain('Šī pārziņa pierādījumu pakete jau tiek sagatavota.');
    first.destroy();
  });

  it('answers 400 for a bad format or date and 404 for another tenant', async () => {
    expect((await auditor.get(`${base}/record?format=exe`)).status).toBe(400);
    expect((await auditor.get(`${base}/record?format=csv&asOf=2026-13-01`)).status).toBe(400);
    expect((await auditor.get(`${base}/description?register=nope&format=html`)).status).toBe(404);
    expect((await outsider.get(base)).status).toBe(404);
    expect((await outsider.get(`${base}/record?format=csv`)).status).toBe(404);
  });
});
