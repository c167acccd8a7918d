import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { ControllerDefinition } from '@regula/engine';
import { TENANTS } from '@regula/tenants';
import { Harness, startApi } from './support/api-harness';
import { confirmAllFacts } from './support/demo-tenant';
import { insertRawTenant } from './support/raw-tenant';
import { createStaff } from './support/staff';

/**
 * The record imported from its own export (issue 17 §3): the XLSX of each demo
 * controller imported into an empty controller (the same facts, no registers)
 * and exported again gives the same cells; a CSV likewise; a bad file is
 * answered by sheet, row and column and changes nothing; the limits; the audit.
 * One API; the clock is held still after the empty controllers exist, so both
 * exports are made "now" at the same instant. About 20 s.
 */
describe('record import', () => {
  let h: Harness;
  let now: Date | undefined;
  const tokens = new Map<string, string>();
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const copyOf = (slug: string, suffix = 'copy') => `${slug}-${suffix}`.slice(0, 60);

  const download = (slug: string, file: string) =>
    h.http().get(`/api/v1/tenants/${slug}/exports/${file}`).set('Authorization', `Bearer ${tokens.get(slug)}`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200).then((r) => r.body as Buffer);
  const preview = (slug: string, body: Buffer, name = 'record.xlsx', as = slug) =>
    h.http().post(`/api/v1/tenants/${slug}/record-import?lang=lv`).set('Authorization', `Bearer ${tokens.get(as)}`).attach('file', body, { filename: name, contentType: 'application/octet-stream' });
  const apply = (slug: string, sha256: string, planHash: string) =>
    h.http().post(`/api/v1/tenants/${slug}/record-import/${sha256}/apply`).set('Authorization', `Bearer ${tokens.get(slug)}`).send({ planHash });
  const counts = async () =>
    (await h.db.owner.query(`SELECT (SELECT count(*) FROM registers)::int AS registers, (SELECT count(*) FROM register_versions)::int AS versions, (SELECT count(*) FROM audit_log)::int AS audit, (SELECT count(*) FROM register_imports)::int AS held`))[0];

  /** Every cell of every sheet, as exceljs reads it: name, address, value. */
  const cellsOf = async (xlsx: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const out: string[] = [];
    for (const sheet of wb.worksheets) sheet.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (cell) => out.push(`${sheet.name}!${cell.address}=${JSON.stringify(cell.value)}`)));
    return out;
  };

  beforeAll(async () => {
    h = await startApi({}, { clock: () => now ?? new Date() });
    // The empty controllers: each demo controller's facts under another slug, no registers. Written as rows:
    // `tenants sync` lints a controller whole and refuses one without registers (the creation of a controller is another feature).
    const empties: ControllerDefinition[] = [...TENANTS.map((d) => ({ ...d, slug: copyOf(d.slug), registers: [] })), { ...TENANTS.find((d) => d.slug === 'inomedis')!, slug: 'inomedis-csv', registers: [] }];
    for (const def of empties) await insertRawTenant(h.db.owner, def);
    for (const slug of [...TENANTS.map((d) => d.slug), ...empties.map((d) => d.slug)]) {
      await createStaff(h.db.owner, `admin@${slug}.import.test`, { tenant: slug, role: 'compliance-admin' });
      tokens.set(slug, await h.login(`admin@${slug}.import.test`));
    }
    now = new Date();
  });

  afterAll(async () => {
    await h?.close();
  });

  it.each(TENANTS.map((d) => [d.slug] as const))('%s: its XLSX imported into an empty controller exports the same cells', async (slug) => {
    const first = await download(slug, 'record.xlsx');
    const target = copyOf(slug);
    const p = await preview(target, first).expect(200);
    expect(p.body.errors).toEqual([]);
    // the controller block is the controller's, every readable cell what the data gives
    expect(p.body.warnings).toEqual([]);
    expect(p.body.sha256).toBe(sha(first));
    expect(p.body.created.map((r: { key: string }) => r.key)).toEqual(TENANTS.find((d) => d.slug === slug)!.registers.map((r) => r.id));
    expect([p.body.changed, p.body.retired, p.body.unchanged]).toEqual([[], [], []]);
    const applied = await apply(target, p.body.sha256, p.body.planHash).expect(200);
    expect(applied.body.created).toHaveLength(p.body.created.length);
    const again = await download(target, 'record.xlsx');
    expect(await cellsOf(again)).toEqual(await cellsOf(first));
  });

  it('a CSV round trip (Latvian headings) gives the same file; importing it again changes nothing', async () => {
    const first = await download('inomedis', 'record.csv?lang=lv');
    const p = await preview('inomedis-csv', first, 'record.csv').expect(200);
    expect([p.body.format, p.body.errors, p.body.warnings]).toEqual(['csv', [], []]);
    await apply('inomedis-csv', p.body.sha256, p.body.planHash).expect(200);
    expect((await download('inomedis-csv', 'record.csv?lang=lv')).toString('utf8')).toBe(first.toString('utf8'));
    const second = await preview('inomedis-csv', first, 'record.csv').expect(200);
    expect([second.body.created, second.body.changed, second.body.retired].map((x: unknown[]) => x.length)).toEqual([0, 0, 0]);
    // applied once: the same file again is held again, and applying it a second time is refused
    await apply('inomedis-csv', p.body.sha256, second.body.planHash).expect(200);
    await apply('inomedis-csv', p.body.sha256, second.body.planHash).expect(409);
  });

  it('into a controller a platform admin has just created (onboarding): another controller\'s registers, citing clauses of a notice it does not have, are refused by cell and nothing changes', async () => {
    await createStaff(h.db.owner, 'platform@import.test', { platformAdmin: true });
    await createStaff(h.db.owner, 'admin@ziemelkrasts.test');
    const platform = await h.login('platform@import.test');
    await h.http().post('/api/v1/platform/tenants').set('Authorization', `Bearer ${platform}`).send({
      slug: 'ziemelkrasts', legalName: 'SIA Ziemeļkrasts', brand: 'Ziemeļkrasts', registryCode: '40003000000', vatNumber: 'LV40003000000',
      legalAddress: { street: 'Brīvības iela 1', city: 'Rīga', postalCode: 'LV-1010' }, contact: { email: 'privacy@ziemelkrasts.test', phone: '+371 6700 0000' },
      dpo: 'none', groupCompanies: [], country: 'LV', languages: ['lv', 'en'], branding: { primaryColor: '#1F4E79', accentColor: '#7A3E00' },
      firstAdminEmail: 'admin@ziemelkrasts.test',
    }).then((r) => expect([r.status, r.status === 201 ? null : r.body]).toEqual([201, null]));
    tokens.set('ziemelkrasts', await h.login('admin@ziemelkrasts.test'));
    const before = await counts();
    const p = await preview('ziemelkrasts', await download('inomedis', 'record.xlsx')).expect(200);
    // Each register cites Inomedis's notice: the new controller's facts hold no such source (the linter, in the page's language, by cell).
    expect(p.body.errors.length).toBeGreaterThan(0);
    expect(p.body.errors.every((e: { sheet: string; cell: string; code: string }) => e.sheet === 'Art. 30 record' && /^[A-Z]+\d+$/.test(e.cell) && e.code === 'lint')).toBe(true);
    expect(p.body.errors[0].message).toMatch(/^Reģistru nevar saglabāt\. Reģistrs “[^”]+”, .+: atsauce nenorāda ne uz pārziņa dokumentu, ne uz zināmu tiesību aktu\.$/);
    for (const e of p.body.errors as { message: string }[]) expect(e.message).not.toMatch(/unknown-reference|\bref\b|\bsource\b|\[/);
    await apply('ziemelkrasts', p.body.sha256, p.body.planHash).expect((r) => expect(r.status).toBeGreaterThanOrEqual(400));
    const after = await counts();
    expect([after.registers, after.versions]).toEqual([before.registers, before.versions]);
  });

  it('into an existing controller: a register left out is retired, an edited one gets its next version, the readable cell beside it a warning', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download('inomedis', 'record.xlsx')) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const sheet = wb.worksheets[0];
    let header = 0;
    sheet.eachRow((row, r) => { if (row.getCell(1).value === 'Register' && !header) header = r; });
    const lvCol = (sheet.getRow(header).values as unknown[]).indexOf('Register data: texts (lv)');
    const [edited, left] = TENANTS.find((d) => d.slug === 'inomedis')!.registers;
    const texts = sheet.getRow(header + 1).getCell(lvCol);
    texts.value = String(texts.value).replace(/^name = ".*"$/m, 'name = "Klientu apkalpošana (labots)"');
    sheet.spliceRows(header + 2, 1);
    const p = await preview('inomedis-copy', Buffer.from(await wb.xlsx.writeBuffer())).expect(200);
    expect(p.body.errors).toEqual([]);
    expect([p.body.created, p.body.changed.map((r: { key: string; name: string }) => [r.key, r.name]), p.body.retired.map((r: { key: string }) => r.key)]).toEqual([[], [[edited.id, 'Klientu apkalpošana (labots)']], [left.id]]);
    // the register's readable name still says the old one: rebuilt from the data, so a warning on that cell
    expect(p.body.warnings.map((w: { cell: string; code: string }) => [w.cell, w.code])).toContainEqual([`A${header + 1}`, 'readable-differs']);
    await apply('inomedis-copy', p.body.sha256, p.body.planHash).expect(200);
    const rows = await h.db.owner.query(
      `SELECT r.key, r.current_version, r.retired_at IS NOT NULL AS retired FROM registers r JOIN tenants t ON t.id = r.tenant_id WHERE t.slug = 'inomedis-copy' AND r.key = ANY($1) ORDER BY r.key`, [[edited.id, left.id]]);
    expect(rows).toEqual(expect.arrayContaining([{ key: edited.id, current_version: 2, retired: false }, { key: left.id, current_version: 1, retired: true }]));
  });

  it('audits the held file and the import with the file\'s SHA-256, and each register it created', async () => {
    const rows = await h.db.owner.query(`SELECT a.action, a.details FROM audit_log a JOIN tenants t ON t.id = a.tenant_id WHERE t.slug = 'micromedic-copy' AND a.action IN ('registers.import-held', 'registers.imported', 'register.created') ORDER BY a.id`);
    const imported = rows.find((r: { action: string }) => r.action === 'registers.imported');
    expect(imported.details.sha256).toMatch(/^[0-9a-f]{64}$/);
    // held at the preview, then applied: both name the file by its SHA-256
    expect(rows[0]).toMatchObject({ action: 'registers.import-held', details: { sha256: imported.details.sha256, format: 'xlsx', created: imported.details.created.length } });
    expect(imported.details.created).toEqual(TENANTS.find((d) => d.slug === 'micromedic')!.registers.map((r) => r.id));
    expect(rows.filter((r: { action: string }) => r.action === 'register.created').every((r: { details: { importSha256: string } }) => r.details.importSha256 === imported.details.sha256)).toBe(true);
  });

  it('a controller\'s own export, its facts confirmed, imported into it again changes nothing', async () => {
    await confirmAllFacts(h.db.owner, 'micromedic');
    const p = await preview('micromedic', await download('micromedic', 'record.xlsx')).expect(200);
    expect([p.body.errors, p.body.warnings, p.body.created, p.body.changed, p.body.retired]).toEqual([[], [], [], [], []]);
    expect(p.body.unchanged).toHaveLength(TENANTS.find((d) => d.slug === 'micromedic')!.registers.length);
  });

  it('a controller block that differs from the facts is a warning by cell, and the facts stay; registers the facts cannot hold are a linter error', async () => {
    const before = await h.db.owner.query(`SELECT definition_hash FROM tenants WHERE slug = 'inomedis-copy'`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download('inomedis', 'record.xlsx')) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    wb.worksheets[0].getCell('B2').value = 'Someone Else SIA';
    const p = await preview('inomedis-copy', Buffer.from(await wb.xlsx.writeBuffer())).expect(200);
    expect(p.body.errors).toEqual([]);
    const controller = p.body.warnings.filter((w: { code: string }) => w.code === 'controller-differs');
    expect(controller.map((w: { cell: string }) => w.cell)).toEqual(['B2']);
    expect(controller[0].message).toContain(TENANTS.find((d) => d.slug === 'inomedis')!.legalName);
    // Micromedic's registers with Inomedis's facts: its policy changes name a register they lack
    const other = await preview('inomedis-copy', await download('micromedic', 'record.xlsx')).expect(200);
    expect(other.body.errors.map((e: { code: string; message: string }) => [e.code, /: atsauce norāda uz elementu, kas neeksistē\.$/.test(e.message)])).toEqual([['lint', true]]);
    expect(await h.db.owner.query(`SELECT definition_hash FROM tenants WHERE slug = 'inomedis-copy'`)).toEqual(before);
  });

  it('answers a bad spreadsheet by sheet, row and column in the asked language, and changes nothing', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download('inomedis', 'record.xlsx')) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const sheet = wb.worksheets[0];
    let header = 0;
    sheet.eachRow((row, r) => { if (row.getCell(1).value === 'Register' && !header) header = r; });
    const factsCol = (sheet.getRow(header).values as unknown[]).indexOf('Register data: facts');
    sheet.getRow(header + 1).getCell(factsCol).value = `${sheet.getRow(header + 1).getCell(factsCol).value}\ndpia.required = {oops`;
    const lvCol = (sheet.getRow(header).values as unknown[]).indexOf('Register data: texts (lv)');
    sheet.getRow(header + 2).getCell(lvCol).value = 'name = 7';
    const before = await counts();
    const p = await preview('inomedis-copy', Buffer.from(await wb.xlsx.writeBuffer())).expect(200);
    expect(p.body.planHash).toBeNull();
    expect(p.body.errors.map((e: { sheet: string; row: number; column: number; code: string }) => [e.sheet, e.row, e.column, e.code])).toEqual([
      [sheet.name, header + 1, factsCol, 'json'],
      [sheet.name, header + 2, lvCol, 'text-not-string'],
    ]);
    expect(p.body.errors[1].message).toMatch(/^1\. rinda: “name” tekstam jābūt pēdiņās\.$/);
    expect(await counts()).toEqual(before);
    await apply('inomedis-copy', p.body.sha256, '0'.repeat(64)).expect(404);
  });

  it('refuses a zip bomb, an oversized file and too many cells (413), and a formula by its cell, never evaluated', async () => {
    const exported = await download('inomedis', 'record.xlsx');
    const before = await counts();
    // 4 MB of spaces in a few kilobytes: refused from the zip's directory, never unpacked (the unit spec also
    // shows the 40 MB limit and a zip lying about its sizes, with smaller limits)
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(4 * 1024 * 1024, 32));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect((await preview('inomedis-copy', bomb).expect(413)).body.message).toMatch(/netika atpakots/);
    await preview('inomedis-copy', Buffer.alloc(5 * 1024 * 1024 + 1, 65), 'big.csv').expect(413);
    const many = Array.from({ length: 1001 }, () => Array.from({ length: 100 }, () => 'x').join(',')).join('\r\n');
    expect((await preview('inomedis-copy', Buffer.from(many), 'many.csv').expect(413)).body.message).toMatch(/100000/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported as unknown as Parameters<typeof wb.xlsx.load>[0]);
    wb.worksheets[1].getCell('C2').value = { formula: 'HYPERLINK("http://127.0.0.1/","x")', result: 'x' } as ExcelJS.CellFormulaValue;
    const p = await preview('inomedis-copy', Buffer.from(await wb.xlsx.writeBuffer())).expect(200);
    expect(p.body.errors.map((e: { sheet: string; cell: string; code: string }) => [e.sheet, e.cell, e.code])).toEqual([[wb.worksheets[1].name, 'C2', 'formula']]);
    expect(await counts()).toEqual(before);
  });

  it('another tenant\'s import is a 404, and so is its held file; a held file expires after a day', async () => {
    const first = await download('softera-baltic', 'record.xlsx');
    await preview('softera-baltic', first, 'record.xlsx', 'micromedic').expect(404);
    const held = await h.db.owner.query(`SELECT sha256 FROM register_imports i JOIN tenants t ON t.id = i.tenant_id WHERE t.slug = 'softera-baltic-copy'`);
    expect(held).toHaveLength(1);
    await h.http().get(`/api/v1/tenants/micromedic/record-import/${held[0].sha256}`).set('Authorization', `Bearer ${tokens.get('micromedic')}`).expect(404);
    await h.http().get(`/api/v1/tenants/softera-baltic-copy/record-import/${held[0].sha256}`).set('Authorization', `Bearer ${tokens.get('micromedic')}`).expect(404);
    // its own admin sees it, for a day on the clock
    await h.http().get(`/api/v1/tenants/softera-baltic-copy/record-import/${held[0].sha256}`).set('Authorization', `Bearer ${tokens.get('softera-baltic-copy')}`).expect(200);
    now = new Date(now!.getTime() + 25 * 3600_000);
    await h.http().get(`/api/v1/tenants/softera-baltic-copy/record-import/${held[0].sha256}`).set('Authorization', `Bearer ${tokens.get('softera-baltic-copy')}`).expect(404);
  });
});
