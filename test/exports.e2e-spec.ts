import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { IncomingMessage, get as httpGet } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import * as jsonld from 'jsonld';
import { AuditService } from '@regula/audit';
import { ControllerDefinition, addLocalDays, formatLocalDate, localDateOf } from '@regula/engine';
import { RECORD_COLUMNS, csvRows } from '@regula/exports';
import { HistoricRequests, REQUESTS_PORT, RequestsPort } from '@regula/requests';
import { TenantSyncService } from '@regula/registers';
import { findTenant } from '@regula/tenants';
import { AuditChainJobs, AuditKeys, checkpointValid } from '@regula/audit';
import { Harness, startApi } from './support/api-harness';
import { createStaff } from './support/staff';
import { confirmAllFacts } from './support/demo-tenant';

const SLUG = 'inomedis';
const TZ = 'Europe/Riga';
const base = `/api/v1/tenants/${SLUG}/exports`;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const today = () => formatLocalDate(localDateOf(new Date(), TZ));
const daysAgo = (n: number) => formatLocalDate(addLocalDays(localDateOf(new Date(), TZ), -n));

/** Auditor exports through the real API: record (xlsx, csv, pdf, json, jsonld), register descriptions, evidence pack, as-of dates, audit. */
describe('exports', () => {
  let h: Harness;
  let admin: string;
  let auditor: string;
  let outsider: string;
  let dir: string;
  const def = findTenant(SLUG)! as ControllerDefinition;
  const archive = def.registers.find((r) => r.id === 'internal-archive')!;

  const get = (path: string, token: string) =>
    h.http().get(path).set('Authorization', `Bearer ${token}`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  const pdfPages = (pdf: Buffer): string[] => {
    const file = join(dir, `${sha(pdf)}.pdf`);
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
  };
  /** A plain HTTP GET, to see the answer as it streams (headers first, then chunks and trailers). */
  const raw = (path: string, token: string) =>
    new Promise<IncomingMessage>((resolve, reject) => {
      const port = (h.app.getHttpServer().address() as AddressInfo).port;
      httpGet(`http://127.0.0.1:${port}${path}`, { headers: { Authorization: `Bearer ${token}` } }, resolve).on('error', reject);
    });
  const bodyOf = async (res: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const c of res) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  };
  const eventually = async <T>(probe: () => Promise<T | undefined>, what: string): Promise<T> => {
    for (let i = 0; i < 100; i++) {
      const value = await probe();
      if (value !== undefined) return value;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`never happened: ${what}`);
  };
  const lastAudit = async () => (await h.db.owner.query(`SELECT actor, action, details FROM audit_log WHERE action = 'export.created' ORDER BY id DESC LIMIT 1`))[0];

  beforeAll(async () => {
    h = await startApi();
    await h.app.listen(0, '127.0.0.1');
    dir = mkdtempSync(join(tmpdir(), 'regula-exports-'));
    await createStaff(h.db.owner, 'admin@exports.test', { tenant: SLUG, role: 'compliance-admin' });
    await createStaff(h.db.owner, 'auditor@exports.test', { tenant: SLUG, role: 'auditor' });
    await createStaff(h.db.owner, 'outsider@exports.test', { tenant: 'micromedic', role: 'compliance-admin' });
    // The template was synced a moment ago: move the tenants and their register versions a month back.
    await h.db.owner.query(`UPDATE tenants SET created_at = created_at - interval '30 days'`);
    await h.db.owner.query(`UPDATE register_versions SET valid_from = valid_from - interval '30 days'`);
    await h.db.owner.query(`UPDATE tenant_versions SET valid_from = valid_from - interval '30 days'`);
    [admin, auditor, outsider] = await Promise.all(['admin', 'auditor', 'outsider'].map((u) => h.login(`${u}@exports.test`)));
  });
  afterAll(async () => {
    await h?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('exports the record as XLSX: controller, a register\'s purpose and legal basis, a retention row', async () => {
    const res = await get(`${base}/record.xlsx`, admin).expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="inomedis-record-${today()}.xlsx"`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const [record, retention, security] = wb.worksheets;
    expect(String(record.getCell('B2').value)).toContain(def.legalName);
    const col = (key: string) => RECORD_COLUMNS.findIndex((c) => c.key === key) + 1;
    let row: ExcelJS.Row | undefined;
    record.eachRow((r) => {
      if (String(r.getCell(1).value).endsWith('[internal-archive]')) row = r;
    });
    expect(row).toBeDefined();
    expect(String(row!.getCell(col('purposes')).value)).toContain('Dokumentu aprite un arhivēšana');
    expect(String(row!.getCell(col('art6')).value)).toContain('legal obligation (GDPR Art. 6(1)(c))');
    const rows: string[][] = [];
    retention.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map(String)));
    const accounting = rows.find((r) => r[0].includes('[internal-archive]') && r[1].includes('[accounting-source-documents]'));
    expect(accounting).toBeDefined();
    expect(accounting![2]).toMatch(/^\d+ (year|month|day)s?\b/); // in words, never the ISO code
    expect(['erase', 'anonymise']).toContain(accounting![4]);
    expect(security.getRow(1).getCell(3).value).toBe('User traceability');
  });

  it('exports the Latvian record (lang=lv): Latvian headings, controller block and CNIL sheets in XLSX, CSV and PDF; JSON keys stay English', async () => {
    const res = await get(`${base}/record.xlsx?lang=lv`, admin).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as Parameters<typeof wb.xlsx.load>[0]);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['30. panta reģistrs', 'Glabāšana (CNIL)', 'Drošība (CNIL)']);
    const [record, retention, security] = wb.worksheets;
    expect(String(record.getCell('A1').value)).toMatch(/^Apstrādes darbību reģistrs \(VDAR 30\. panta 1\. punkts\)/);
    expect(record.getCell('A2').value).toBe('Pārzinis');
    let header: ExcelJS.Row | undefined;
    record.eachRow((r) => {
      if (r.getCell(1).value === 'Reģistrs') header = r;
    });
    expect(header).toBeDefined();
    const headings = (header!.values as unknown[]).slice(1);
    // the ICO columns, then the register data (every language of the controller, provenance) for an import
    expect(headings).toHaveLength(RECORD_COLUMNS.length + 4);
    expect(headings.slice(RECORD_COLUMNS.length)).toEqual(['Reģistra dati: fakti', 'Reģistra dati: teksti (en)', 'Reģistra dati: teksti (lv)', 'Reģistra dati: izcelsme']);
    expect(headings).toEqual(expect.arrayContaining(['Apstrādes nolūki', 'Personas datu kategorijas', 'Tiesiskais pamats (VDAR 6. pants)', 'Glabāšanas termiņi']));
    expect((retention.getRow(1).values as unknown[]).slice(1)).toEqual(['Reģistrs', 'Datu kategorija', 'Glabāšanas termiņš', 'Termiņa sākums', 'Darbība termiņa beigās', 'Pārziņa apraksts']);
    expect(security.getRow(1).getCell(3).value).toBe('Lietotāju darbību izsekojamība');

    const csv = (await get(`${base}/record.csv?lang=lv`, admin).expect(200)).body.toString('utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^Pārzinis,Stāvoklis uz,Reģistrs,Reģistra versija,/);
    const pages = pdfPages((await get(`${base}/record.pdf?lang=lv`, admin).expect(200)).body);
    expect(pages[0]).toContain('Apstrādes darbību reģistrs');
    pages.forEach((page, i) => expect(page).toContain(`${i + 1}. lapa no ${pages.length}`));
    const json = JSON.parse((await get(`${base}/record.json?lang=lv`, admin).expect(200)).body.toString('utf8'));
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['asOf', 'registerVersions', 'controller', 'registers']));
    expect((await lastAudit()).details).toMatchObject({ export: 'record', format: 'json', lang: 'lv', labelLang: 'lv' });
  });

  it('exports the record as CSV and JSON', async () => {
    const csv = await get(`${base}/record.csv`, admin).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.toString('utf8').split('\r\n').length).toBeGreaterThan(def.registers.length);
    const json = JSON.parse((await get(`${base}/record.json?lang=en`, admin).expect(200)).body.toString('utf8'));
    expect(json.asOf).toBe(today());
    expect(json.registerVersions.map((v: { key: string }) => v.key)).toEqual(def.registers.map((r) => r.id));
    expect(json.controller.legalName).toBe(def.legalName);
  });

  it('exports the record as a paginated PDF with the controller on every page and Latvian letters intact', async () => {
    const res = await get(`${base}/record.pdf`, admin).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pages = pdfPages(res.body);
    expect(pages.length).toBeGreaterThan(def.registers.length);
    pages.forEach((page, i) => {
      expect(page).toContain(def.legalName);
      expect(page).toContain(`as of ${today()}`);
      expect(page).toContain(`page ${i + 1} of ${pages.length}`);
    });
    expect(pages.join('\n')).toContain('Iekšējie procesi un dokumentu arhivēšana');
  });

  it('exports JSON-LD that expands offline to eu-gdpr legal bases', async () => {
    const res = await get(`${base}/record.jsonld`, auditor).expect(200);
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const doc = JSON.parse(res.body.toString('utf8'));
    const documentLoader = async (url: string): Promise<never> => {
      throw new Error(`no network access in exports (asked for ${url})`);
    };
    const expanded = await jsonld.expand(doc, { documentLoader });
    const ids = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        const id = (v as Record<string, unknown>)['@id'];
        if (typeof id === 'string') ids.add(id);
        Object.values(v).forEach(walk);
      }
    };
    walk(expanded);
    expect(ids).toContain('https://w3id.org/dpv/legal/eu/gdpr#A6-1-c');
    expect(ids).toContain('https://w3id.org/dpv/legal/eu/gdpr#A15');
  });

  it('exports a register description per language as HTML and PDF, and answers 400/404 for bad input', async () => {
    const html = await get(`${base}/registers/internal-archive/description.html?lang=lv`, admin).expect(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.headers['content-disposition']).toBe(`attachment; filename="inomedis-internal-archive-lv-${today()}.html"`);
    const page = html.body.toString('utf8');
    expect(page).toContain('<h2>1. Reģistra nosaukums</h2>');
    expect(page).toContain('<h2>8. Kontaktinformācija</h2>');
    expect(page).toContain('Iekšējie procesi un dokumentu arhivēšana');
    expect(page).not.toMatch(/<script|(src|href)=["']?https?:/);

    const pdf = await get(`${base}/registers/internal-archive/description.pdf?lang=lv`, admin).expect(200);
    const pages = pdfPages(pdf.body);
    pages.forEach((p, i) => {
      expect(p).toContain(def.legalName);
      expect(p).toContain(`${i + 1}. lapa no ${pages.length}`);
    });
    expect(pages.join('\n')).toContain('Iekšējie procesi un dokumentu arhivēšana');
    expect(pages.join('\n')).toContain('3. Apstrādātie personas dati');
    const en = await get(`${base}/registers/internal-archive/description.html?lang=en`, admin).expect(200);
    expect(en.body.toString('utf8')).toContain('<h2>1. Name of the register</h2>');

    await get(`${base}/registers/internal-archive/description.html?lang=xx`, admin).expect(400);
    await get(`${base}/registers/internal-archive/description.html?lang=sv`, admin).expect(400); // not one of Inomedis' languages
    await get(`${base}/registers/internal-archive/description.html?asOf=2026-02-30`, admin).expect(400);
    await get(`${base}/record.json?asOf=yesterday`, admin).expect(400);
    await get(`${base}/record.json?asOf=2999-01-01`, admin).expect(400);
    await get(`${base}/registers/no-such-register/description.html`, admin).expect(404);
    await get(`${base}/record.xlsx?asOf=2000-01-01`, admin).expect(404);
    await get(`${base}/evidence-pack.zip?from=2026-01-01`, admin).expect(400);
  });

  it('builds an evidence pack whose manifest hashes match every file', async () => {
    await confirmAllFacts(h.db.owner, SLUG); // what Regula assumed, confirmed as in the demo, so that a version can be published
    const draft = await h.http().post(`/api/v1/tenants/${SLUG}/policies/drafts`).set('Authorization', `Bearer ${admin}`).expect(201);
    await h.http().post(`/api/v1/tenants/${SLUG}/policies/drafts/${draft.body.id}/publish`).set('Authorization', `Bearer ${admin}`)
      .send({ changeSummary: { en: 'First version.', lv: 'Pirmā versija.' }, material: false }).expect(201);
    // The chain's head published outside the database (the worker does it every hour).
    const [{ id: tenantId }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = $1`, [SLUG]);
    const published = (await h.app.get(AuditChainJobs).publish(tenantId)).checkpoint!;
    // A request of the period, for the per-request log: its reference and timeline go in, its requester does not.
    const filed = await h.app.get<RequestsPort>(REQUESTS_PORT).fileRequest(tenantId, { type: 'access', name: 'Anna Packtest', email: 'anna.packtest@example.lv', locale: 'lv', details: { message: 'Private words of the subject' } }, { ip: '198.51.100.70' });
    // Two requests of the past imported in the period (the history import's writer): the statistics count them.
    const day = (n: number, hour: number) => new Date(new Date().getTime() - n * 86_400_000 + hour * 3_600_000);
    await h.app.get(HistoricRequests).insert(tenantId, {
      sha256: 'b'.repeat(64), fileName: 'past.csv', held: false,
      requests: [
        { reference: null, type: 'portability', channel: 'post', identityMethod: 'email-link', receivedAt: day(5, 0), identityVerifiedAt: null, state: 'completed', closedAt: day(3, 0), extendedAt: null },
        { reference: null, type: 'portability', channel: 'e-mail', identityMethod: 'email-link', receivedAt: day(4, 0), identityVerifiedAt: null, state: 'refused', closedAt: day(2, 0), extendedAt: null },
      ],
    }, { userId: null, label: 'test' }, new Date());
    const res = await get(`${base}/evidence-pack.zip?from=${daysAgo(7)}&to=${today()}`, auditor).expect(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const zip = await JSZip.loadAsync(res.body);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest).toMatchObject({ slug: SLUG, from: daysAgo(7), to: today(), timeZone: TZ });
    const paths = Object.keys(zip.files).filter((p) => !zip.files[p].dir).sort();
    expect(paths).toEqual([...manifest.files.map((f: { path: string }) => f.path), 'manifest.json', 'SHA256SUMS'].sort());
    for (const f of manifest.files) {
      const body = await zip.file(f.path)!.async('nodebuffer');
      expect({ path: f.path, sha256: sha(body), size: body.length }).toEqual(f);
    }
    const sums = (await zip.file('SHA256SUMS')!.async('string')).trim().split('\n');
    expect(sums).toContain(`${sha(await zip.file('manifest.json')!.async('nodebuffer'))}  manifest.json`);
    for (const ext of ['xlsx', 'csv', 'pdf', 'json', 'jsonld']) expect(paths).toContain(`record/inomedis-record-${today()}.${ext}`);
    for (const r of def.registers) for (const lang of def.jurisdiction.languages) for (const ext of ['html', 'pdf']) expect(paths).toContain(`registers/${r.id}/${lang}.${ext}`);
    for (const p of ['requests/statistics.json', 'requests/statistics.csv', 'retention/runs.json', 'breaches/register.json', 'audit/log.json', 'audit/checkpoints.jsonl']) expect(paths).toContain(p);
    const audit = JSON.parse(await zip.file('audit/log.json')!.async('string'));
    expect(audit.verification.ok).toBe(true);
    const checkpoints = (await zip.file('audit/checkpoints.jsonl')!.async('string')).trim().split('\n').map((l) => JSON.parse(l));
    expect(checkpoints.at(-1)).toEqual(published);
    expect(checkpointValid(h.app.get(AuditKeys), checkpoints.at(-1))).toBe(true);
    expect(audit.entries.some((e: { action: string }) => e.action === 'export.created')).toBe(true);
    const policy = JSON.parse(await zip.file('policies/v1/metadata.json')!.async('string'));
    // The auditor's pack has the summary in every language.
    expect(policy).toMatchObject({ number: 1, languages: ['en', 'lv'], changeSummary: { en: 'First version.', lv: 'Pirmā versija.' }, changeSummaryLegacy: false });
    const policyPage = await zip.file('policies/v1/lv.html')!.async('string');
    expect(policyPage).toContain('Inomedis Aesthetic Group');
    expect(policyPage).toContain(policy.contentHash);
    const stats = JSON.parse(await zip.file('requests/statistics.json')!.async('string'));
    expect(stats.types.at(-1).type).toBe('all');

    // The auditor's oversight parts: the per-request log without personal data, the processors and their contracts, the DPIAs.
    for (const p of ['requests/log.json', 'requests/log.csv', 'processors/processors.json', 'processors/processors.csv', 'dpia/dpias.json', 'dpia/dpias.csv']) expect(paths).toContain(p);
    const logJson = await zip.file('requests/log.json')!.async('string');
    const logCsv = await zip.file('requests/log.csv')!.async('string');
    const log = JSON.parse(logJson);
    const mine = log.requests.find((r: { reference: string }) => r.reference === filed.request.reference);
    expect(mine).toMatchObject({ type: 'access', channel: 'web-form', state: filed.request.state });
    expect(mine.events.map((e: { kind: string }) => e.kind)).toContain('received');
    for (const e of mine.events) expect(Object.keys(e).sort()).toEqual(['at', 'from', 'kind', 'to']);
    expect(csvRows(logCsv.replace(/^\uFEFF/, ''))[0].slice(0, 4)).toEqual(['Numurs', 'Veids', 'Kanāls', 'Saņemts']);
    expect(logCsv).toContain(filed.request.reference);
    // The table says in Latvian what the JSON says in codes: the type, channel, states and events in the dashboard's words.
    const own = csvRows(logCsv.replace(/^\uFEFF/, '')).filter((row) => row[0] === filed.request.reference);
    expect(own.length).toBe(mine.events.length);
    expect(own[0].slice(1, 3)).toEqual(['Piekļuve', 'Tīmekļa veidlapa']);
    expect(own.map((row) => row[10])).toContain('Saņemts');
    for (const code of ['access', 'web-form', 'awaiting-identity', 'in-progress', 'transition', 'received']) expect(own.flat()).not.toContain(code);
    const statsCsv = csvRows((await zip.file('requests/statistics.csv')!.async('string')).replace(/^\uFEFF/, ''));
    expect(statsCsv[0].slice(0, 3)).toEqual(['Veids', 'Saņemti', 'Atbildēti']);
    expect(statsCsv.map((row) => row[0])).toEqual(expect.arrayContaining(['Piekļuve', 'Pārnesamība', 'Visi veidi']));
    for (const personal of ['Anna', 'Packtest', 'anna.packtest', 'example.lv', 'Private words', '198.51.100.70']) {
      expect(logJson).not.toContain(personal);
      expect(logCsv).not.toContain(personal);
    }
    const processors = JSON.parse(await zip.file('processors/processors.json')!.async('string')).processors;
    const expected = def.registers.flatMap((r) => (r.recipients === 'none' ? [] : r.recipients.filter((x) => x.kind === 'processor').map((x) => ({ register: r.id, processor: x.id, dpa: x.dpa ?? null }))));
    expect(expected.length).toBeGreaterThan(0);
    expect(processors.map((p: { register: string; processor: string; dpa: boolean | null }) => ({ register: p.register, processor: p.processor, dpa: p.dpa }))).toEqual(expected);
    const processorsCsv = csvRows((await zip.file('processors/processors.csv')!.async('string')).replace(/^\uFEFF/, ''));
    expect(processorsCsv[0]).toEqual(['Apstrādes darbība', 'Apstrādātājs', 'Līguma atsauce (28. panta 3. punkts)', 'Datu apstrādes līgums', 'Valsts']);
    expect(processorsCsv[1][1]).toBe('Personas datu apstrādātāji (pakalpojumu sniedzēji)');
    const dpias = JSON.parse(await zip.file('dpia/dpias.json')!.async('string')).dpias;
    expect(dpias.map((d: { register: string; required: boolean; status: string }) => [d.register, d.required, d.status])).toEqual(def.registers.map((r) => [r.id, r.dpia.required, r.dpia.status]));
    const dpiaCsv = csvRows((await zip.file('dpia/dpias.csv')!.async('string')).replace(/^\uFEFF/, ''));
    expect(dpiaCsv[0][1]).toBe('Novērtējums nepieciešams (35. pants)');
    expect(dpiaCsv).toHaveLength(def.registers.length + 1);
    expect(stats.types.find((t: { type: string }) => t.type === 'portability')).toMatchObject({ received: 2, answered: 2, completed: 1, refused: 1, answeredOnTime: 2, onTimeShare: 1 });
    const [{ n }] = await h.db.owner.query(`SELECT count(*)::int AS n FROM rights_requests WHERE tenant_id = $1 AND received_at >= now() - interval '6 days'`, [tenantId]);
    expect(stats.types.at(-1).received).toBeGreaterThanOrEqual(n);
  });

  it('streams the evidence pack (chunked, no Content-Length), its SHA-256 in a trailer and in the audit entry, its SHA256SUMS verifying', async () => {
    const pack = `${base}/evidence-pack.zip?from=${daysAgo(7)}&to=${today()}`;
    const res = await raw(pack, auditor);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="inomedis-evidence-${daysAgo(7)}-${today()}.zip"`);
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.headers['content-length']).toBeUndefined();
    expect(res.headers.trailer).toBe('X-Content-SHA256');
    const body = await bodyOf(res);
    expect(res.trailers['x-content-sha256']).toBe(sha(body));

    const zip = await JSZip.loadAsync(body);
    const sums = (await zip.file('SHA256SUMS')!.async('string')).trim().split('\n');
    expect(sums.length).toBe(Object.values(zip.files).filter((f) => !f.dir).length - 1);
    for (const line of sums) {
      const [hash, path] = line.split('  ');
      expect(sha(await zip.file(path)!.async('nodebuffer'))).toBe(hash);
    }
    const file = join(dir, 'pack.zip');
    writeFileSync(file, body);
    expect(execFileSync('unzip', ['-tq', file], { encoding: 'utf8' })).toMatch(/No errors detected/);

    const entry = await eventually(async () => {
      const e = await lastAudit();
      return e?.details.export === 'evidence-pack' && e.details.sha256 === sha(body) ? e : undefined;
    }, 'the evidence pack audited');
    expect(entry.actor).toBe('auditor@exports.test (auditor)');
    expect(entry.details).toMatchObject({ format: 'zip', from: daysAgo(7), to: today(), size: body.length, files: sums.length - 1 });
  });

  it('answers 429 with Retry-After to a second evidence pack of the tenant while one streams, audits the interrupted one as aborted, then admits the next', async () => {
    const pack = `${base}/evidence-pack.zip?from=${daysAgo(7)}&to=${today()}`;
    const first = await raw(pack, auditor);
    expect(first.statusCode).toBe(200);
    first.pause(); // a slow client: the build waits for it
    const second = await get(pack, admin).expect(429);
    expect(second.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    expect(JSON.parse(second.body.toString('utf8')).message).toMatch(/evidence pack of this controller is already being built/);
    first.destroy();
    const aborted = await eventually(async () => {
      const [e] = await h.db.owner.query(`SELECT actor, details FROM audit_log WHERE action = 'export.aborted' ORDER BY id DESC LIMIT 1`);
      return e;
    }, 'the interrupted pack audited');
    expect(aborted.actor).toBe('auditor@exports.test (auditor)');
    expect(aborted.details).toMatchObject({ export: 'evidence-pack', fileName: `inomedis-evidence-${daysAgo(7)}-${today()}.zip` });
    expect(aborted.details.reason).toMatch(/closed before its end/);
    const third = await get(pack, admin).expect(200);
    expect(Object.keys((await JSZip.loadAsync(third.body)).files)).toContain('SHA256SUMS');
  });

  it('lets an auditor export (audited with the file hash) but change nothing', async () => {
    const res = await get(`${base}/record.csv`, auditor).expect(200);
    expect(res.headers['x-content-sha256']).toBe(sha(res.body));
    const entry = await lastAudit();
    expect(entry.actor).toBe('auditor@exports.test (auditor)');
    expect(entry.details).toMatchObject({ export: 'record', format: 'csv', asOf: today(), sha256: sha(res.body), size: res.body.length });
    const verify = await h.http().get(`/api/v1/tenants/${SLUG}/audit/verify`).set('Authorization', `Bearer ${auditor}`).expect(200);
    expect(verify.body.ok).toBe(true);

    await h.http().post(`/api/v1/tenants/${SLUG}/retention/runs`).set('Authorization', `Bearer ${auditor}`).expect(403);
    await h.http().post(`/api/v1/tenants/${SLUG}/breaches`).set('Authorization', `Bearer ${auditor}`).send({}).expect(403);
    await get(`${base}/record.csv`, outsider).expect(404);
    await h.http().get(`${base}/record.csv`).expect(401);
  });

  it('exports the register versions valid at the as-of date: yesterday the old text, today the new', async () => {
    const changed = structuredClone(findTenant(SLUG)!);
    const reg = changed.registers.find((r) => r.id === 'internal-archive')!;
    reg.purposes[0].name = { ...reg.purposes[0].name, lv: 'Dokumentu aprite, arhivēšana un iznīcināšana' };
    const sync = new TenantSyncService(new AuditService());
    const result = await h.db.owner.transaction((em) => sync.sync(em, changed, 'exports test'));
    expect(result.registers.versioned).toEqual(['internal-archive']);

    const purposeOf = (json: { registers: { id: string; purposes: { name: string }[] }[] }) => json.registers.find((r) => r.id === 'internal-archive')!.purposes[0].name;
    const versionOf = (json: { registerVersions: { key: string; version: number }[] }) => json.registerVersions.find((v) => v.key === 'internal-archive')!.version;
    const before = JSON.parse((await get(`${base}/record.json?asOf=${daysAgo(1)}`, auditor).expect(200)).body.toString('utf8'));
    const now = JSON.parse((await get(`${base}/record.json?asOf=${today()}`, auditor).expect(200)).body.toString('utf8'));
    expect(before.asOf).toBe(daysAgo(1));
    expect(purposeOf(before)).toBe(archive.purposes[0].name.lv);
    expect(purposeOf(now)).toBe('Dokumentu aprite, arhivēšana un iznīcināšana');
    expect(versionOf(now)).toBe(versionOf(before) + 1);

    const old = await get(`${base}/registers/internal-archive/description.html?lang=lv&asOf=${daysAgo(1)}`, auditor).expect(200);
    expect(old.body.toString('utf8')).toContain(`reģistra versija ${versionOf(before)}`);
    expect(old.body.toString('utf8')).not.toContain('iznīcināšana');
  });

  it("states the controller's facts valid at the as-of date: yesterday the old phone number, today the new (issue 17 §1)", async () => {
    const changed = structuredClone(findTenant(SLUG)!);
    const oldPhone = changed.contact.phone!;
    changed.contact = { ...changed.contact, phone: '+371 20000000' };
    const result = await h.db.owner.transaction((em) => new TenantSyncService(new AuditService()).sync(em, changed, 'exports test'));
    expect(result.tenant).toBe('updated');
    const versions = await h.db.owner.query(
      `SELECT v.version, v.is_current, v.valid_to IS NOT NULL AS closed FROM tenant_versions v JOIN tenants t ON t.id = v.tenant_id WHERE t.slug = $1 ORDER BY v.version`, [SLUG]);
    expect(versions).toEqual([{ version: 1, is_current: false, closed: true }, { version: 2, is_current: true, closed: false }]);

    const before = (await get(`${base}/record.json?asOf=${daysAgo(1)}`, auditor).expect(200)).body.toString('utf8');
    const now = (await get(`${base}/record.json?asOf=${today()}`, auditor).expect(200)).body.toString('utf8');
    expect(JSON.parse(before).controllerVersion).toBe(1);
    expect(JSON.parse(now).controllerVersion).toBe(2);
    expect(before).toContain(oldPhone);
    expect(before).not.toContain('+371 20000000');
    expect(now).toContain('+371 20000000');
    expect(now).not.toContain(oldPhone);
    // The sync is audited with the version it made.
    const [entry] = await h.db.owner.query(`SELECT details FROM audit_log WHERE action = 'tenant.updated' ORDER BY id DESC LIMIT 1`);
    expect(entry.details).toMatchObject({ version: 2 });
  });
});
