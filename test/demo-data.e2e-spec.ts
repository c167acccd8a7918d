import { AuditKeys, AuditService } from '@regula/audit';
import { EgressGuard, TenantDb } from '@regula/platform';
import { RegistersService } from '@regula/registers';
import { TenantEntity } from '@regula/tenancy';
import { IngestService, SourceSystemsService } from '@regula/ingest';
import { ErasedRecordKeys, StoreUpserts, SubjectLookupService } from '@regula/subjects';
import { DemoDataService } from '../apps/cli/src/demo/demo-data.service';
import { DemoHistoryService } from '../apps/cli/src/demo/demo-history.service';
import { KNOWN_DEMO_SUBJECTS } from '../apps/cli/src/demo/demo-data';
import { createTestDatabase, TestDatabase } from './support/test-database';

/** `regula demo data` on a real database: the four tenants filled from their registers, twice, the second time changing nothing. */
describe('demo data', () => {
  let db: TestDatabase;
  let demo: DemoDataService;
  let tenants: TenantEntity[];

  beforeAll(async () => {
    db = await createTestDatabase();
    // As the CLI does: the schema owner's connection.
    const tdb = new TenantDb(db.owner);
    const audit = new AuditService();
    const registers = new RegistersService(tdb);
    demo = new DemoDataService(tdb, registers, new SourceSystemsService(tdb, audit, new EgressGuard()), new IngestService(tdb, registers, audit, new StoreUpserts(), new ErasedRecordKeys(new AuditKeys())));
    tenants = await db.owner.getRepository(TenantEntity).find({ order: { slug: 'ASC' } });
  });
  afterAll(() => db?.drop());

  const snapshot = () =>
    db.owner.query(`SELECT
      (SELECT count(*)::int FROM data_subjects) AS subjects, (SELECT count(*)::int FROM personal_data_records) AS records,
      (SELECT count(*)::int FROM consents) AS consents, (SELECT count(*)::int FROM disclosures) AS disclosures,
      (SELECT count(*)::int FROM source_systems) AS systems, (SELECT max(updated_at)::text FROM personal_data_records) AS last_update,
      (SELECT count(*)::int FROM audit_log WHERE action = 'ingest.batch') AS batches`);

  it('fills every tenant from its registers, and a second run changes nothing', async () => {
    for (const t of tenants) {
      const r = await demo.load(t, { id: null, label: 'test: demo data' });
      expect(r.changed).toBeGreaterThan(100);
      expect(r.subjects).toHaveLength(40);
    }
    const first = await snapshot();
    expect(first[0]).toMatchObject({ subjects: 160, systems: 20 });
    expect(first[0].records).toBeGreaterThan(800);
    for (const t of tenants) expect((await demo.load(t, { id: null, label: 'test: demo data' })).changed).toBe(0);
    expect(await snapshot()).toEqual(first);
  });

  it('has the known subjects, with records, consents and disclosures, and retention due dates', async () => {
    const lookup = new SubjectLookupService(new TenantDb(db.owner));
    for (const t of tenants) {
      const data = await lookup.loadByIdentifier(t.id, 'email', KNOWN_DEMO_SUBJECTS[t.slug].email.toUpperCase());
      expect(data?.subject.displayName).toBe(`${KNOWN_DEMO_SUBJECTS[t.slug].first} ${KNOWN_DEMO_SUBJECTS[t.slug].last}`);
      expect(data!.records.length).toBeGreaterThan(5);
      expect(data!.disclosures.length).toBeGreaterThan(0);
      expect(data!.identifiers.map((i) => i.kind)).toEqual(expect.arrayContaining(['customer-number', 'email', 'phone']));
      expect(Object.keys(data!.systems).length).toBeGreaterThan(0);
    }
    const [{ due }] = await db.owner.query(`SELECT count(*)::int AS due FROM personal_data_records WHERE retention_due_at IS NOT NULL`);
    expect(due).toBeGreaterThan(100);
    const [{ withdrawn }] = await db.owner.query(`SELECT count(*)::int AS withdrawn FROM consents WHERE withdrawn_at IS NOT NULL`);
    expect(withdrawn).toBeGreaterThan(10);
  });

  it('filters a subject’s disclosures by period', async () => {
    const t = tenants.find((x) => x.slug === 'inomedis')!;
    const lookup = new SubjectLookupService(new TenantDb(db.owner));
    const all = await lookup.loadByIdentifier(t.id, 'email', 'anna.berzina@example.lv');
    const first = all!.disclosures[0].disclosedAt;
    const some = await lookup.loadByIdentifier(t.id, 'email', 'anna.berzina@example.lv', { period: { from: first, to: first } });
    expect(some!.disclosures.map((d) => d.id)).toEqual(all!.disclosures.filter((d) => d.disclosedAt.getTime() === first.getTime()).map((d) => d.id));
  });

  it('`regula demo history`: a year of closed past requests per tenant through the history import, one insert and one audit entry each; no e-mail, no notice; a second run changes nothing', async () => {
    const history = new DemoHistoryService(new TenantDb(db.owner), db.owner);
    // The clock at seeding: fixed here, so the test does not depend on today.
    const now = new Date('2026-06-15T10:00:00Z');
    const counts = () => db.owner.query(`SELECT (SELECT count(*)::int FROM rights_requests WHERE imported_sha256 IS NOT NULL) AS imported, (SELECT count(*)::int FROM outbox_emails) AS emails,
      (SELECT count(*)::int FROM rights_requests WHERE next_notice_at IS NOT NULL OR requester_email IS NOT NULL OR requester_name <> '') AS noticed,
      (SELECT count(*)::int FROM audit_log WHERE action = 'requests.imported') AS audits`);
    const [before] = await counts();
    for (const t of tenants) expect((await history.load(t, now)).imported).toBeGreaterThan(100);
    const [after] = await counts();
    expect(after).toMatchObject({ emails: before.emails, noticed: before.noticed, audits: before.audits + tenants.length });
    expect(after.imported).toBeGreaterThan(400);
    const [span] = await db.owner.query(`SELECT min(received_at) AS first, max(closed_at) AS last, count(DISTINCT to_char(received_at, 'YYYY-MM'))::int AS months FROM rights_requests WHERE imported_sha256 IS NOT NULL`);
    expect(span.months).toBeGreaterThanOrEqual(12);
    expect(new Date(span.last).getTime()).toBeLessThan(now.getTime());
    for (const t of tenants) expect((await history.load(t, now)).imported).toBe(0);
    expect((await counts())[0]).toEqual(after);
  });
});
