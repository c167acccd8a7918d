import { Register } from '@regula/engine';
import { TENANTS } from '@regula/tenants';
import { DEMO_NOW, KNOWN_DEMO_SUBJECTS, demoDataFor } from './demo-data';
import { validateBatch } from '@regula/ingest';

/** The generator against the four real tenants: every batch passes the ingest validation of its system. */
describe('demo data', () => {
  for (const def of TENANTS) {
    describe(def.slug, () => {
      const data = demoDataFor({ slug: def.slug, registers: def.registers });
      const registers = new Map(def.registers.map((r) => [r.id, r]));

      it('creates the systems the registers name, and valid batches for each', () => {
        expect(data.systems).toEqual([...new Set(def.registers.flatMap((r) => r.systems))].sort());
        for (const { system, batch } of data.batches) {
          const v = validateBatch(batch, { systemName: system, registers, country: def.jurisdiction.country, timeZone: def.jurisdiction.timeZone, now: DEMO_NOW });
          expect({ system, errors: v.errors.slice(0, 3) }).toEqual({ system, errors: [] });
        }
      });

      it('has about 40 subjects with the known one first, records in most registers, consents (some withdrawn) and disclosures', () => {
        expect(data.subjects).toHaveLength(40);
        expect(data.subjects[0]).toMatchObject({ email: KNOWN_DEMO_SUBJECTS[def.slug].email, known: true });
        expect(new Set(data.subjects.map((s) => s.email)).size).toBe(40);
        const records = data.batches.flatMap((b) => b.batch.records ?? []);
        const consents = data.batches.flatMap((b) => b.batch.consents ?? []);
        const disclosures = data.batches.flatMap((b) => b.batch.disclosures ?? []);
        expect(records.length).toBeGreaterThan(150);
        expect(new Set(records.map((r) => r.register)).size).toBeGreaterThanOrEqual(def.registers.length - 1);
        expect(disclosures.length).toBeGreaterThan(10);
        const consentPurposes = def.registers.flatMap((r) => r.purposes.filter((p) => p.legalBases.some((b) => b.article === '6(1)(a)')));
        if (consentPurposes.length) {
          expect(consents.some((c) => c.withdrawnAt)).toBe(true);
          expect(consents.some((c) => !c.withdrawnAt)).toBe(true);
        }
        const known = records.filter((r) => r.subject.value === KNOWN_DEMO_SUBJECTS[def.slug].email);
        expect(known.length).toBeGreaterThan(5);
        // Some records carry the anchors their retention runs from.
        expect(records.some((r) => r.anchors && Object.keys(r.anchors).length)).toBe(true);
      });

      it('is deterministic, whatever the order of the registers', () => {
        const again = demoDataFor({ slug: def.slug, registers: [...def.registers].reverse() as Register[] });
        expect(JSON.stringify(again)).toBe(JSON.stringify(data));
      });
    });
  }

  it('writes names in the tenant language', () => {
    const names = (slug: string) => demoDataFor({ slug, registers: TENANTS.find((t) => t.slug === slug)!.registers }).subjects.map((s) => s.displayName).join(' ');
    expect(names('inomedis')).toMatch(/[āēīūņļķšž]/);
    expect(names('softera-baltic')).toMatch(/ienė|as\b|is\b/);
    expect(names('micromedic')).toMatch(/sson|qvist|ström/);
    expect(names('medical-management')).toMatch(/Tamm|Saar|Sepp|Mägi|ienė/);
  });
});
