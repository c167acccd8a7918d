import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ControllerDefinition, Register } from '@regula/engine';
import { findTenant } from '@regula/tenants';
import { buildRecordModel } from './record-model';
import { recordPdf } from './record-pdf.builder';

const at = new Date('2026-11-21T10:00:00Z');
const meta = (def: ControllerDefinition, lang: 'lt' | 'lv') => ({
  asOf: '2026-11-21', timeZone: 'Europe/Vilnius', lang, labelLang: lang, generatedAt: at,
  registerVersions: def.registers.map((r) => ({ key: r.id, version: 1, validFrom: new Date('2026-01-01T00:00:00Z'), contentHash: '0'.repeat(64) })),
});

/** The pages' text as pdftotext reads it (the PDF must parse for that). */
function pdfPages(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'regula-record-pdf-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(dir, 'r.pdf'), '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f').filter((p) => p.trim());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the record PDF', () => {
  it('is an A4 landscape PDF with a page per register after the controller block', async () => {
    const def = findTenant('softera-baltic')!;
    const pdf = await recordPdf(buildRecordModel(def, meta(def, 'lt')));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(def.registers.length + 3);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
  });

  it('lays out 200 registers page after page: every page framed and numbered, every register and its retention and security rows in it', async () => {
    const source = findTenant('inomedis')!;
    const registers: Register[] = Array.from({ length: 200 }, (_, i) => {
      const r = structuredClone(source.registers[i % source.registers.length]);
      r.id = `${r.id}-${i + 1}`;
      r.name = Object.fromEntries(Object.entries(r.name).map(([lang, text]) => [lang, `${text} ${i + 1}`])) as Register['name'];
      return r;
    });
    const def = { ...source, registers };
    const model = buildRecordModel(def, meta(def, 'lv'));
    const pdf = await recordPdf(model);
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(200 + 3);
    expect((pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length).toBe(pages.length);
    pages.forEach((page, i) => {
      expect(page).toContain(def.legalName);
      expect(page).toContain(`${i + 1}. lapa no ${pages.length}`);
    });
    const text = pages.join('\n');
    // each register heads a page of its own (its name with its key, as the record's register column gives it)
    for (const row of model.rows) expect(pages.some((p) => p.includes(row.values.register))).toBe(true);
    for (const r of model.retention.filter((_, i) => i % 25 === 0)) expect(text).toContain(r.categoryName);
    expect(text).toContain(model.security[model.security.length - 1].registerName);
    // the retention table's header row is repeated on each page it runs over
    const retentionPages = pages.filter((p) => p.includes(model.labels.retentionColumns[5]));
    expect(retentionPages.length).toBeGreaterThan(1);
  }, 60000);
});
