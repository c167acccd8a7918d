import { DataSource } from 'typeorm';
import { Register, retentionDueAt } from '@regula/engine';
import { openDataSource } from '@regula/platform';
import { REGULA_SCHEMA } from '../apps/schema';
import { Harness, startApi } from './support/api-harness';
import { createStaff } from './support/staff';

/**
 * The ingest API of tenants' systems on real Postgres and Redis: API keys per
 * tenant and system, validation against the tenant's registers, idempotent
 * bulk upsert, retention due dates from the engine, RLS.
 */
describe('ingest API', () => {
  let h: Harness;
  let app: DataSource;
  let admin: string;
  let crmKey: string;
  let micromedicKey: string;
  let inomedisId: string;
  let micromedicId: string;

  const A = 'inomedis';
  const B = 'micromedic';
  const anna = { kind: 'email' as const, value: 'anna.berzina@example.lv' };

  const batch = (key: string, body: unknown, slug = A) => h.http().post(`/api/v1/ingest/${slug}/batch`).set('Authorization', `Bearer ${key}`).send(body as object);

  const goodBatch = () => ({
    subjects: [
      { externalRef: 'crm-1001', identifiers: [{ kind: 'email', value: '  Anna.Berzina@Example.LV ' }, { kind: 'phone', value: '+371 2612 3456' }], displayName: 'Anna Bērziņa', locale: 'lv' },
      { identifiers: [{ kind: 'customer-number', value: 'IN-1002' }], displayName: 'Jānis Ozols' },
    ],
    records: [
      {
        externalId: 'crm-1001-contact', subject: { kind: 'email', value: 'ANNA.BERZINA@example.lv' }, register: 'marketing', category: 'contact',
        value: { email: 'anna.berzina@example.lv', phone: '+37126123456', city: 'Rīga' }, collectedAt: '2023-05-10T09:00:00Z',
        anchors: { 'last-activity': '2024-06-01T12:00:00Z', 'consent-withdrawn': '2025-01-10' },
      },
      {
        externalId: 'crm-1002-contact', subject: { kind: 'customer-number', value: 'IN-1002' }, register: 'marketing', category: 'contact',
        value: { email: 'janis.ozols@example.lv' }, collectedAt: '2024-02-01',
      },
    ],
    consents: [
      { externalId: 'crm-consent-1', subject: anna, register: 'marketing', purpose: 'greetings-bonuses', givenAt: '2023-05-10T09:00:00Z', channel: 'web-form', policyVersion: '2023-1', withdrawnAt: '2025-01-10T08:00:00Z' },
    ],
    disclosures: [
      { externalId: 'crm-disc-1', subject: anna, register: 'marketing', recipient: 'processors', categories: ['contact'], disclosedAt: '2024-03-01T10:00:00+02:00' },
    ],
  });

  async function createSystem(slug: string, token: string, name: string): Promise<string> {
    const res = await h.http().post(`/api/v1/tenants/${slug}/systems`).set('Authorization', `Bearer ${token}`).send({ name });
    expect(res.status).toBe(201);
    return res.body.apiKey;
  }

  beforeAll(async () => {
    h = await startApi();
    app = await openDataSource(h.db.appUrl, REGULA_SCHEMA, 2, 'regula-test-app');
    await createStaff(h.db.owner, 'admin@ino.test', { tenant: A });
    await createStaff(h.db.owner, 'admin@mm.test', { tenant: B });
    await createStaff(h.db.owner, 'auditor@ino.test', { tenant: A, role: 'auditor' });
    admin = await h.login('admin@ino.test');
    crmKey = await createSystem(A, admin, 'crm');
    micromedicKey = await createSystem(B, await h.login('admin@mm.test'), 'customer-database');
    [{ id: inomedisId }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = $1`, [A]);
    [{ id: micromedicId }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = $1`, [B]);
  });
  afterAll(async () => {
    await app?.destroy();
    await h?.close();
  });

  const count = async (table: string, tenantId = inomedisId): Promise<number> =>
    (await h.db.owner.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [tenantId]))[0].n;

  describe('source systems (admin API)', () => {
    it('hands out the API key and webhook secret once, and never lists them', async () => {
      expect(crmKey).toMatch(/^rk_[0-9a-f]{16}\.[A-Za-z0-9_-]{43}$/);
      const list = await h.http().get(`/api/v1/tenants/${A}/systems`).set('Authorization', `Bearer ${admin}`);
      expect(list.status).toBe(200);
      expect(list.body.map((s: { name: string }) => s.name)).toEqual(['crm']);
      expect(JSON.stringify(list.body)).not.toMatch(/keyHash|webhookSecret|rk_/);
      const [row] = await h.db.owner.query(`SELECT key_hash FROM source_systems WHERE tenant_id = $1 AND name = 'crm'`, [inomedisId]);
      expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(crmKey).not.toContain(row.key_hash);
    });

    it('refuses a duplicate name (409) and an auditor (403)', async () => {
      const dup = await h.http().post(`/api/v1/tenants/${A}/systems`).set('Authorization', `Bearer ${admin}`).send({ name: 'crm' });
      expect(dup.status).toBe(409);
      const auditor = await h.login('auditor@ino.test');
      const res = await h.http().post(`/api/v1/tenants/${A}/systems`).set('Authorization', `Bearer ${auditor}`).send({ name: 'newsletter' });
      expect(res.status).toBe(403);
      expect((await h.http().get(`/api/v1/tenants/${A}/systems`).set('Authorization', `Bearer ${auditor}`)).status).toBe(200);
    });
  });

  describe('authentication', () => {
    it('answers 401 JSON with one generic message for a missing, malformed or wrong key', async () => {
      const wrongSecret = crmKey.replace(/\.(.)/, (_, c: string) => `.${c === 'A' ? 'B' : 'A'}`);
      const answers = await Promise.all([
        h.http().post(`/api/v1/ingest/${A}/batch`).send(goodBatch()),
        batch('not-a-key', goodBatch()),
        batch(wrongSecret, goodBatch()),
        batch(admin, goodBatch()), // a staff token is not a system key
        batch(crmKey, goodBatch(), 'no-such-tenant'),
      ]);
      const messages = new Set<string>();
      for (const res of answers) {
        expect(res.status).toBe(401);
        expect(res.headers['content-type']).toMatch(/json/);
        messages.add(res.body.message);
      }
      expect(messages.size).toBe(1);
      expect(await count('data_subjects')).toBe(0);
    });

    it("refuses a key of tenant A on tenant B's URL (401) and B's key on A's", async () => {
      const res = await batch(crmKey, goodBatch(), B);
      expect(res.status).toBe(401);
      const back = await batch(micromedicKey, goodBatch(), A);
      expect(back.status).toBe(401);
      expect(back.body.message).toBe(res.body.message);
    });
  });

  describe('validation against the registers', () => {
    it('refuses a category no register declares, naming it and listing the register categories; nothing is stored', async () => {
      const body = goodBatch();
      body.records[1].category = 'shoe-size';
      const res = await batch(crmKey, body);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ item: 'records[1]', externalId: 'crm-1002-contact', message: expect.stringContaining('declares no data category "shoe-size"') }),
      ]);
      expect(res.body.errors[0].message).toMatch(/register "marketing".*its categories: contact, purchase-history/);
      for (const table of ['data_subjects', 'subject_identifiers', 'personal_data_records', 'consents', 'disclosures']) expect(await count(table)).toBe(0);
    });

    it('lists every error of the batch: unknown register, system not named, non-consent purpose, unknown recipient, bad identifier, future date', async () => {
      const body = goodBatch();
      body.records[0].register = 'no-such-register';
      body.records[1].register = 'video-surveillance'; // fed by the cctv system only
      body.records[1].category = 'video';
      body.consents[0].purpose = 'own-offers'; // legitimate interest
      body.disclosures[0].recipient = 'the-press';
      body.subjects[1].identifiers[0] = { kind: 'email', value: 'not-an-address' };
      (body.consents[0] as { givenAt: string }).givenAt = '2999-01-01T00:00:00Z';
      const res = await batch(crmKey, body);
      expect(res.status).toBe(400);
      const byItem = Object.fromEntries(res.body.errors.map((e: { item: string; message: string }) => [e.item, e.message]));
      expect(byItem['records[0]']).toMatch(/unknown register "no-such-register" \(registers of this tenant: .*marketing/);
      expect(byItem['records[1]']).toMatch(/register "video-surveillance" does not receive data from system "crm" \(its systems: cctv\)/);
      expect(byItem['consents[0]']).toMatch(/purpose "own-offers" of register "marketing" does not rely on consent \(Art\. 6\(1\)\(a\)\)/);
      expect(byItem['disclosures[0]']).toMatch(/no recipient "the-press" \(its recipients: processors, authorities\)/);
      expect(byItem['subjects[1]']).toMatch(/identifiers\[0\] \(email\) is not an e-mail address/);
      expect(res.body.message).toMatch(/nothing was stored/);
    });

    it('refuses shapes the DTOs do not allow (unknown fields, unknown anchors, too many items)', async () => {
      const extra = await batch(crmKey, { ...goodBatch(), surprise: true });
      expect(extra.status).toBe(400);
      const body = goodBatch();
      (body.records[0].anchors as Record<string, string>)['moon-landing'] = '2024-01-01';
      expect((await batch(crmKey, body)).status).toBe(400);
      const many = { subjects: Array.from({ length: 1001 }, (_, i) => ({ identifiers: [{ kind: 'customer-number', value: `C${i}` }] })) };
      expect((await batch(crmKey, many)).status).toBe(400);
    });

    it('refuses a record for a subject it does not know', async () => {
      const res = await batch(crmKey, { records: [{ ...goodBatch().records[0], subject: { kind: 'email', value: 'nobody@example.lv' } }] });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].message).toMatch(/no subject with this email/);
    });
  });

  describe('upsert', () => {
    it('stores a valid batch and reports each item', async () => {
      const res = await batch(crmKey, goodBatch());
      expect(res.status).toBe(200);
      expect(res.body.changed).toBe(6);
      expect(res.body.items).toEqual([
        { item: 'subjects[0]', externalId: 'crm-1001', status: 'created' },
        { item: 'subjects[1]', status: 'created' },
        { item: 'records[0]', externalId: 'crm-1001-contact', status: 'created' },
        { item: 'records[1]', externalId: 'crm-1002-contact', status: 'created' },
        { item: 'consents[0]', externalId: 'crm-consent-1', status: 'created' },
        { item: 'disclosures[0]', externalId: 'crm-disc-1', status: 'created' },
      ]);
      const ids = await h.db.owner.query(`SELECT kind, value FROM subject_identifiers WHERE tenant_id = $1 ORDER BY kind`, [inomedisId]);
      expect(ids).toEqual([
        { kind: 'customer-number', value: 'IN-1002' },
        { kind: 'email', value: 'anna.berzina@example.lv' },
        { kind: 'phone', value: '+37126123456' },
      ]);
      const [disc] = await h.db.owner.query(`SELECT via, recipient_id, categories FROM disclosures WHERE tenant_id = $1`, [inomedisId]);
      expect(disc).toEqual({ via: 'crm', recipient_id: 'processors', categories: ['contact'] });
    });

    it('computes retention_due_at with the engine from the register rule, the anchors and collectedAt', async () => {
      const [row] = await h.db.owner.query(
        `SELECT retention_due_at, anchors, collected_at FROM personal_data_records WHERE tenant_id = $1 AND external_id = 'crm-1001-contact'`,
        [inomedisId],
      );
      const [reg] = await h.db.owner.query(
        `SELECT v.definition FROM register_versions v JOIN registers r ON r.id = v.register_id WHERE r.tenant_id = $1 AND r.key = 'marketing' AND v.is_current`,
        [inomedisId],
      );
      const rule = (reg.definition as Register).retention.find((r) => r.categories.includes('contact'))!;
      const anchors = { collected: row.collected_at, recorded: row.collected_at, ...Object.fromEntries(Object.entries(row.anchors as Record<string, string>).map(([k, v]) => [k, new Date(v)])) };
      const expected = retentionDueAt(rule, anchors, { timeZone: 'Europe/Riga' });
      expect(expected).not.toBeNull();
      expect(row.retention_due_at.toISOString()).toBe(expected!.toISOString());
      // The date-only anchor is midnight in Riga.
      expect(row.anchors['consent-withdrawn']).toBe('2025-01-09T22:00:00.000Z');
      // Without the anchors the rule cannot say yet.
      const [other] = await h.db.owner.query(`SELECT retention_due_at FROM personal_data_records WHERE external_id = 'crm-1002-contact'`);
      expect(other.retention_due_at).toBeNull();
    });

    it('changes no row when the same batch is sent again', async () => {
      const snapshot = () =>
        h.db.owner.query(
          `SELECT 'r' AS t, id, updated_at::text AS u, xmin::text AS x FROM personal_data_records WHERE tenant_id = $1
           UNION ALL SELECT 's', id, updated_at::text, xmin::text FROM data_subjects WHERE tenant_id = $1
           UNION ALL SELECT 'c', id, '', xmin::text FROM consents WHERE tenant_id = $1
           UNION ALL SELECT 'd', id, '', xmin::text FROM disclosures WHERE tenant_id = $1
           UNION ALL SELECT 'i', id, '', xmin::text FROM subject_identifiers WHERE tenant_id = $1 ORDER BY 1, 2`,
          [inomedisId],
        );
      const before = await snapshot();
      const audits = await count('audit_log');
      const res = await batch(crmKey, goodBatch());
      expect(res.status).toBe(200);
      expect(res.body.changed).toBe(0);
      expect(res.body.items.every((i: { status: string }) => i.status === 'unchanged')).toBe(true);
      expect(await snapshot()).toEqual(before);
      expect(await count('audit_log')).toBe(audits);
    });

    it('updates a re-sent item that changed, and adds a new identifier to a known subject', async () => {
      const body = goodBatch();
      (body.records[1] as { value: unknown }).value = { email: 'janis.ozols@example.lv', city: 'Liepāja' };
      body.subjects[1].identifiers.push({ kind: 'email', value: 'janis.ozols@example.lv' });
      const res = await batch(crmKey, { subjects: [body.subjects[1]], records: [body.records[1]] });
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([
        { item: 'subjects[0]', status: 'updated' },
        { item: 'records[0]', externalId: 'crm-1002-contact', status: 'updated' },
      ]);
      const [row] = await h.db.owner.query(`SELECT value, updated_at > created_at AS touched FROM personal_data_records WHERE external_id = 'crm-1002-contact'`);
      expect(row).toEqual({ value: { email: 'janis.ozols@example.lv', city: 'Liepāja' }, touched: true });
      expect(await count('data_subjects')).toBe(2);
    });

    it('keeps a withdrawal that a re-send omits, and refuses to merge two subjects silently', async () => {
      const body = goodBatch();
      delete (body.consents[0] as { withdrawnAt?: string }).withdrawnAt;
      const undo = await batch(crmKey, { consents: body.consents });
      expect(undo.status).toBe(200);
      expect(undo.body.items).toEqual([{ item: 'consents[0]', externalId: 'crm-consent-1', status: 'ignored', note: expect.stringMatching(/withdrawal cannot be undone/) }]);
      const [consent] = await h.db.owner.query(`SELECT withdrawn_at FROM consents WHERE external_id = 'crm-consent-1'`);
      expect(consent.withdrawn_at.toISOString()).toBe('2025-01-10T08:00:00.000Z');
      // A later record of the same withdrawal does not move it.
      const later = await batch(crmKey, { consents: [{ ...body.consents[0], withdrawnAt: '2025-02-01T08:00:00Z' }] });
      expect(later.body.items[0].status).toBe('unchanged');
      const merge = await batch(crmKey, { subjects: [{ identifiers: [anna, { kind: 'customer-number', value: 'IN-1002' }] }] });
      expect(merge.status).toBe(400);
      expect(merge.body.errors[0].message).toMatch(/belong to different subjects/);
    });

    it('audits one entry per batch that changed something, with counts and without personal data', async () => {
      const rows = await h.db.owner.query(`SELECT actor, details FROM audit_log WHERE tenant_id = $1 AND action = 'ingest.batch' ORDER BY seq`, [inomedisId]);
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatchObject({ actor: 'system: crm', details: { system: 'crm', changed: 6, counts: { records: { created: 2 } } } });
      expect(JSON.stringify(rows)).not.toMatch(/anna|berzina|ozols|@example/i);
    });
  });

  describe('tenant isolation', () => {
    it("keeps ingested rows invisible to another tenant's scope and to an unscoped query (RLS)", async () => {
      for (const table of ['data_subjects', 'subject_identifiers', 'personal_data_records', 'consents', 'disclosures', 'source_systems']) {
        const [{ n: unscoped }] = await app.query(`SELECT count(*)::int AS n FROM ${table}`);
        expect({ table, unscoped }).toEqual({ table, unscoped: 0 });
        const seen = await app.transaction(async (em) => {
          await em.query(`SELECT set_config('app.tenant_id', $1, true)`, [micromedicId]);
          return (await em.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [inomedisId]))[0].n;
        });
        expect({ table, seen }).toEqual({ table, seen: 0 });
      }
      expect(await count('personal_data_records')).toBe(2);
    });

    it("does not find A's subject from B's system", async () => {
      const res = await batch(micromedicKey, { records: [{ externalId: 'x', subject: anna, register: 'marketing', category: 'mk-contact', value: 'x', collectedAt: '2024-01-01' }] }, B);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { message: string }) => e.message).join(' ')).toMatch(/customer-database|no subject/);
    });
  });

  describe('batch size', () => {
    it('accepts a full batch of 1000 records (over the default 100 kB body limit)', async () => {
      const records = Array.from({ length: 1000 }, (_, i) => ({
        externalId: `bulk-${i}`, subject: anna, register: 'marketing', category: 'contact',
        value: { email: 'anna.berzina@example.lv', note: `bulk record number ${i} with some realistic padding text` }, collectedAt: '2024-02-01T10:00:00Z',
      }));
      const body = { records };
      expect(JSON.stringify(body).length).toBeGreaterThan(100 * 1024);
      const res = await batch(crmKey, body);
      expect(res.status).toBe(200);
      expect(res.body.changed).toBe(1000);
      // other routes keep the default limit
      const big = await h.http().post('/api/v1/auth/login').send({ email: 'x@y.test', password: 'p'.repeat(150 * 1024) });
      expect(big.status).toBe(413);
    });
  });

  describe('key lifecycle', () => {
    it('rotating stops the old key at once; disabling stops the new one', async () => {
      const rotated = await h.http().post(`/api/v1/tenants/${A}/systems/crm/rotate`).set('Authorization', `Bearer ${admin}`).send({});
      expect(rotated.status).toBe(200);
      expect((await batch(crmKey, { subjects: goodBatch().subjects })).status).toBe(401);
      const fresh = rotated.body.apiKey as string;
      expect((await batch(fresh, { subjects: goodBatch().subjects })).status).toBe(200);
      const disabled = await h.http().post(`/api/v1/tenants/${A}/systems/crm/disable`).set('Authorization', `Bearer ${admin}`);
      expect(disabled.status).toBe(200);
      expect((await batch(fresh, { subjects: goodBatch().subjects })).status).toBe(401);
      const actions = (await h.db.owner.query(`SELECT action FROM audit_log WHERE tenant_id = $1 AND action LIKE 'source-system.%' ORDER BY seq`, [inomedisId])).map(
        (r: { action: string }) => r.action,
      );
      expect(actions).toEqual(['source-system.created', 'source-system.rotated', 'source-system.disabled']);
    });
  });
});
