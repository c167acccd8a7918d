import { csvCell } from '@regula/platform';
import { findTenant } from '@regula/tenants';
import { ControllerDefinition, LANGS, codeWord } from '@regula/engine';
import { confirmedForTest } from '@regula/engine/testing';
import { CNIL_SECURITY_ITEMS } from './cnil-security';
import { RECORD_COLUMNS } from './record-columns';
import { buildRecordModel, rightsForRegister } from './record-model';
import { recordCsv } from './record-csv.builder';

const meta = (def: ControllerDefinition) => ({
  asOf: '2026-11-21', timeZone: def.jurisdiction.timeZone, lang: def.jurisdiction.languages[0], generatedAt: new Date('2026-11-21T10:00:00Z'),
  registerVersions: def.registers.map((r, i) => ({ key: r.id, version: i + 1, validFrom: new Date('2026-01-01T00:00:00Z'), contentHash: 'h'.repeat(64) })),
});

describe('the Art. 30 record model', () => {
  const inomedis = findTenant('inomedis')!;
  const model = buildRecordModel(inomedis, meta(inomedis));

  it('has the controller block: name, registry code, DPO, authority, as-of date and register versions', () => {
    const block = Object.fromEntries(model.controller);
    expect(block.Controller).toContain('Inomedis');
    expect(block['Registry code']).toContain('40203138358');
    expect(block['Supervisory authority']).toContain('Datu valsts inspekcija');
    expect(block['As of']).toBe('2026-11-21, end of day, Europe/Riga');
    expect(block['Register versions']).toContain('Iekšējie procesi un dokumentu arhivēšana [internal-archive] v4');
  });

  it('has one row per register with every column, in the tenant\'s language', () => {
    expect(model.rows.map((r) => r.key)).toEqual(inomedis.registers.map((r) => r.id));
    const archive = model.rows.find((r) => r.key === 'internal-archive')!.values;
    for (const c of RECORD_COLUMNS) expect(archive[c.key]).toBeTruthy();
    expect(archive.register).toBe('Iekšējie procesi un dokumentu arhivēšana [internal-archive]');
    expect(archive.art6).toContain('legal obligation (GDPR Art. 6(1)(c))');
    expect(archive.legitimateInterests).toContain('Dokumentu aprite un arhivēšana');
  });

  it('writes recipient kinds and retention actions with the engine\'s words in the frame\'s language (a controller is independent)', () => {
    const softera = findTenant('softera-baltic')!;
    for (const lang of LANGS) {
      const m = buildRecordModel(softera, { ...meta(softera), lang, labelLang: lang });
      const cells = m.rows.map((r) => r.values.recipients).join('\n');
      expect(cells).toContain(`(${codeWord('recipientKind', 'controller', lang)}`);
      expect(cells).toContain(`(${codeWord('recipientKind', 'processor', lang)}`);
      for (const row of m.retention) expect([codeWord('retentionAction', 'erase', lang), codeWord('retentionAction', 'anonymise', lang)]).toContain(row.action);
    }
    expect(buildRecordModel(softera, { ...meta(softera), lang: 'et', labelLang: 'et' }).rows.map((r) => r.values.recipients).join('\n')).toContain('(iseseisev vastutav töötleja');
  });

  it('lists the retention of every data category a rule governs', () => {
    const governed = inomedis.registers.flatMap((r) => r.retention.flatMap((rule) => rule.categories.map((c) => `${r.id}/${c}`)));
    expect(model.retention.map((r) => `${r.register}/${r.category}`)).toEqual(governed);
    expect(model.retention.every((r) => r.period && r.action)).toBe(true);
  });

  it('ticks the CNIL security items from the register\'s measures', () => {
    for (const row of model.security) {
      const reg = inomedis.registers.find((r) => r.id === row.register)!;
      for (const item of CNIL_SECURITY_ITEMS) {
        const expected = reg.security.some((m) => (item.controls as readonly string[]).includes(m.control));
        expect(row.items[item.key].length > 0).toBe(expected);
      }
    }
  });

  it('gives each register only the rights its legal bases allow', () => {
    const softera = findTenant('softera-baltic')!;
    for (const r of softera.registers) {
      const rights = rightsForRegister(softera, r);
      const bases = r.purposes.flatMap((p) => p.legalBases.map((b) => b.article));
      expect(rights.includes('A7-3')).toBe(softera.rights.some((x) => x.right === 'A7-3') && bases.includes('6(1)(a)'));
      expect(rights).toContain('A15');
    }
  });

  it('writes the same rows as formula-safe CSV, then the register data columns (every language of the controller and its texts)', () => {
    const csv = recordCsv(model);
    const lines = csv.split('\r\n');
    const data = ['Register data: facts', 'Register data: texts (en)', 'Register data: texts (lv)', 'Register data: provenance'];
    expect(lines[0]).toBe(['Controller', 'As of', ...RECORD_COLUMNS.map((c) => c.header), ...data].map(csvCell).join(','));
    expect(csv).toContain('Iekšējie procesi un dokumentu arhivēšana [internal-archive]');
  });

  it('labels what nobody confirmed in the record\'s language: "assumed" beside an assumed value, "not stated" for an unknown one', () => {
    // Everything the seed leaves assumed is confirmed first, so only the planted markers remain.
    const def = confirmedForTest(structuredClone(inomedis));
    const archive = def.registers.find((r) => r.id === 'internal-archive')!;
    archive.fieldRefs = { ...archive.fieldRefs, transfers: [{ source: def.documents[0].id, provenance: 'assumed', note: 'the notice does not mention transfers' }] };
    archive.retention[0].ref = [{ source: def.documents[0].id, provenance: 'assumed', note: 'a statutory period applied' }];
    def.fieldRefs = { ...def.fieldRefs, legalAddress: [{ source: def.documents[0].id, provenance: 'unknown', note: 'not in the notice' }] };
    for (const [lang, assumed, notStated] of [['en', 'assumed, not confirmed by the controller', 'not stated'], ['lv', 'pieņemts, pārzinis nav apstiprinājis', 'nav norādīts']] as const) {
      const m = buildRecordModel(def, { ...meta(def), labelLang: lang });
      const row = m.rows.find((r) => r.key === 'internal-archive')!.values;
      expect(row.thirdCountries).toContain(`(${assumed})`);
      expect(row.safeguards).toContain(`(${assumed})`);
      expect(row.retention).toContain(`(${assumed})`);
      expect(row.purposes).not.toContain(assumed);
      expect(m.retention.filter((x) => x.register === 'internal-archive' && archive.retention[0].categories.includes(x.category)).every((x) => x.period.endsWith(`(${assumed})`))).toBe(true);
      const other = m.rows.find((r) => r.key === 'clients')!.values;
      expect(Object.values(other).join('\n')).not.toContain(assumed);
      const marked = m.controller.filter(([, v]) => v.endsWith(`(${notStated})`));
      expect(marked.map(([k]) => k)).toEqual([lang === 'en' ? 'Address' : 'Adrese']);
    }
  });
});
