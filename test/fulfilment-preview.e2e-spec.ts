import { Harness, startApi } from './support/api-harness';
import { fulfilmentFixtures } from './support/fulfilment-fixtures';
import { createStaff } from './support/staff';

/**
 * Issue 14 §3: fulfilling erasure, restriction, rectification, access or
 * portability is first previewed (POST …/fulfil/preview), without changing
 * anything; the admin confirms (POST …/fulfil?previewId=), the act computes
 * the plan again on the data as it is then, and the result keeps what
 * differs from the preview. Both are kept with the request and audited.
 */
describe('fulfilment preview', () => {
  let h: Harness;
  const MM = 'medical-management';
  const SB = 'softera-baltic';
  const token: Record<string, string> = {};
  const tenantId: Record<string, string> = {};
  let f: ReturnType<typeof fulfilmentFixtures>;

  beforeAll(async () => {
    h = await startApi();
    for (const slug of [MM, SB]) {
      await createStaff(h.db.owner, `admin@${slug}.test`, { tenant: slug });
      token[slug] = await h.login(`admin@${slug}.test`);
      [{ id: tenantId[slug] }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = $1`, [slug]);
    }
    f = fulfilmentFixtures(h.db.owner, (slug) => tenantId[slug]);
  });
  afterAll(() => h?.close());

  const api = (slug: string, path: string, body: object = {}) =>
    h.http().post(`/api/v1/tenants/${slug}/requests/${path}`).set('Authorization', `Bearer ${token[slug]}`).send(body);
  const preview = (slug: string, reference: string, body: object = {}) => api(slug, `${reference}/fulfil/preview`, body);
  const confirm = (slug: string, reference: string, previewId: string) => api(slug, `${reference}/fulfil?previewId=${previewId}`);
  type Planned = { recordId: string; action: string; law?: string | null; until?: string | null; from?: string; to?: string; system: string };
  const ids = (records: Planned[], action: string) => records.filter((r) => r.action === action).map((r) => r.recordId).sort();

  async function tiitWithData() {
    const tiit = await f.subject(MM, `tiit-${Math.random()}@example.ee`, 'Tiit Tamm');
    const contract = await f.record(MM, tiit, { system: 'crm', register: 'customer-relationship', category: 'contract-history', value: { order: 'B-2' }, collectedAt: '2025-05-05T10:00:00Z' });
    const name = await f.record(MM, tiit, { system: 'crm', register: 'customer-relationship', category: 'crm-name', value: 'Tiit Tamm' });
    const call = await f.record(MM, tiit, { system: 'crm', register: 'customer-relationship', category: 'call-recordings', value: 'call.mp3' });
    const account = await f.record(MM, tiit, { system: 'client-portal', register: 'portal-accounts', category: 'account-email', value: 'tiit@example.ee' });
    const held = await f.record(MM, tiit, { system: 'crm', register: 'customer-relationship', category: 'correspondence', value: 'complaint letter', legalHold: true });
    await f.consent(MM, tiit, 'direct-marketing', 'personalised-offers');
    return { tiit, contract, name, call, account, held };
  }

  describe('erasure', () => {
    it('previews without writing, per record and system, and the result equals the preview when nothing changed', async () => {
      const d = await tiitWithData();
      const r = await f.request(MM, 'erasure', d.tiit);
      const before = await f.footprint(MM);
      const p = await preview(MM, r.reference);
      expect(p.status).toBe(200);
      expect(await f.footprint(MM)).toEqual(before);

      const plan = p.body.plan;
      expect(plan).toMatchObject({ type: 'erasure', counts: { erased: 3, restricted: 1, legalHold: 1, consentsWithdrawn: 1 } });
      expect(ids(plan.records, 'erase')).toEqual([d.name.id, d.call.id, d.account.id].sort());
      expect(plan.records.find((x: Planned) => x.recordId === d.contract.id)).toMatchObject({
        action: 'keep-by-law', until: '2032-12-31', law: expect.stringMatching(/^Estonian Accounting Act/), system: 'crm',
      });
      expect(ids(plan.records, 'keep-legal-hold')).toEqual([d.held.id]);
      expect(plan.webhooks).toEqual([
        { system: 'client-portal', event: 'record.erased', items: 1 },
        { system: 'crm', event: 'consent.withdrawn', items: 1 },
        { system: 'crm', event: 'record.erased', items: 2 },
        { system: 'crm', event: 'record.restricted', items: 1 },
      ]);
      expect(JSON.stringify(plan)).not.toMatch(/secret/);
      expect(plan.subject).toMatchObject({ channel: 'email', to: 's•••@example.test', message: 'request-completed', files: [] });
      const audited = await f.one<{ details: Record<string, unknown> }>(
        `SELECT details FROM audit_log WHERE tenant_id = $1 AND action = 'request.fulfilment.previewed' AND target_id = $2`, [tenantId[MM], r.id]);
      expect(audited.details).toMatchObject({ previewId: p.body.previewId, records: 5 });

      const done = await confirm(MM, r.reference, p.body.previewId);
      expect(done.status).toBe(200);
      expect(done.body.state).toBe('completed');
      const result = done.body.result;
      expect(result.difference).toMatchObject({ same: true, added: [], removed: [], changed: [] });
      expect(result.plan.records).toEqual(plan.records);
      expect(result.plan.webhooks).toEqual(plan.webhooks);
      // the plan was carried out: what the preview named is erased, kept, told
      const rows = await f.q<{ id: string; erased_at: Date | null; restricted_at: Date | null }>(
        `SELECT id, erased_at, restricted_at FROM personal_data_records WHERE subject_id = $1`, [d.tiit]);
      expect(rows.filter((x) => x.erased_at).map((x) => x.id).sort()).toEqual(ids(plan.records, 'erase'));
      expect(rows.filter((x) => x.restricted_at).map((x) => x.id)).toEqual([d.contract.id]);
      const hooks = await f.q<{ event: string; name: string }>(
        `SELECT d.event, s.name FROM webhook_deliveries d JOIN source_systems s ON s.id = d.source_system_id WHERE d.tenant_id = $1 AND d.payload->>'requestReference' = $2 ORDER BY s.name, d.event`,
        [tenantId[MM], r.reference]);
      expect(hooks.map((x) => ({ system: x.name, event: x.event }))).toEqual(plan.webhooks.map((w: { system: string; event: string }) => ({ system: w.system, event: w.event })));

      const fulfilled = await f.one<{ details: Record<string, unknown> }>(
        `SELECT details FROM audit_log WHERE tenant_id = $1 AND action = 'request.fulfilled' AND target_id = $2`, [tenantId[MM], r.id]);
      expect(fulfilled.details).toMatchObject({ planId: p.body.previewId, previewed: true, differsFromPreview: false });
      const kept = await h.http().get(`/api/v1/tenants/${MM}/requests/${r.reference}/fulfilment-plans`).set('Authorization', `Bearer ${token[MM]}`);
      expect(kept.status).toBe(200);
      expect(kept.body).toEqual([expect.objectContaining({ id: p.body.previewId, previewedBy: `admin@${MM}.test`, confirmedBy: `admin@${MM}.test`, preview: plan })]);
      // a confirmed preview is not confirmed twice
      expect((await confirm(MM, r.reference, p.body.previewId)).status).toBe(409);
    });

    it('a record ingested between preview and confirmation is acted on, and the result names it as added', async () => {
      const d = await tiitWithData();
      const r = await f.request(MM, 'erasure', d.tiit);
      const p = await preview(MM, r.reference);
      expect(p.status).toBe(200);
      const late = await f.record(MM, d.tiit, { system: 'crm', register: 'customer-relationship', category: 'crm-name', value: 'T. Tamm' });
      await f.q(`UPDATE personal_data_records SET legal_hold = true WHERE id = $1`, [d.call.id]);

      const done = await confirm(MM, r.reference, p.body.previewId);
      expect(done.status).toBe(200);
      const diff = done.body.result.difference;
      expect(diff.same).toBe(false);
      expect(diff.added).toEqual([expect.objectContaining({ recordId: late.id, action: 'erase' })]);
      expect(diff.removed).toEqual([]);
      expect(diff.changed).toEqual([{ before: expect.objectContaining({ recordId: d.call.id, action: 'erase' }), after: expect.objectContaining({ recordId: d.call.id, action: 'keep-legal-hold' }) }]);
      expect((await f.one<{ erased_at: Date | null }>(`SELECT erased_at FROM personal_data_records WHERE id = $1`, [late.id])).erased_at).not.toBeNull();
      expect((await f.one<{ erased_at: Date | null }>(`SELECT erased_at FROM personal_data_records WHERE id = $1`, [d.call.id])).erased_at).toBeNull();
      const fulfilled = await f.one<{ details: Record<string, unknown> }>(
        `SELECT details FROM audit_log WHERE tenant_id = $1 AND action = 'request.fulfilled' AND target_id = $2`, [tenantId[MM], r.id]);
      expect(fulfilled.details).toMatchObject({ previewed: true, differsFromPreview: true });
    });

    it('an unknown preview is 404, a type without a preview 409, and the plain fulfil route still works', async () => {
      const d = await tiitWithData();
      const r = await f.request(MM, 'erasure', d.tiit);
      expect((await confirm(MM, r.reference, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await confirm(MM, r.reference, 'not-a-uuid')).status).toBe(400);
      const objection = await f.request(MM, 'objection-direct-marketing', d.tiit);
      expect((await preview(MM, objection.reference)).status).toBe(409);
      const plain = await api(MM, `${r.reference}/fulfil`);
      expect(plain.status).toBe(200);
      expect(plain.body.result).toMatchObject({ difference: null, plan: { type: 'erasure' } });
    });
  });

  it('restriction: preview writes nothing, names each record and the webhooks, and equals the result', async () => {
    const rasa = await f.subject(SB, `rasa-${Math.random()}@example.lt`, 'Rasa');
    const a = await f.record(SB, rasa, { system: 'crm', register: 'customer-service', category: 'correspondence', value: 'letter' });
    await f.record(SB, rasa, { system: 'newsletter-tool', register: 'direct-marketing', category: 'marketing-contact', value: 'rasa@example.lt' });
    const r = await f.request(SB, 'restriction', rasa, { details: { registers: ['customer-service'] } });
    const before = await f.footprint(SB);
    const p = await preview(SB, r.reference, { restrictionGround: 'a' });
    expect(p.status).toBe(200);
    expect(await f.footprint(SB)).toEqual(before);
    expect(p.body.plan.records).toEqual([expect.objectContaining({ recordId: a.id, action: 'restrict', register: 'customer-service', system: 'crm' })]);
    expect(p.body.plan.webhooks).toEqual([{ system: 'crm', event: 'record.restricted', items: 1 }]);

    const done = await confirm(SB, r.reference, p.body.previewId);
    expect(done.status).toBe(200);
    expect(done.body.result.difference.same).toBe(true);
    expect(done.body.result.plan.records).toEqual(p.body.plan.records);
    // the preview's input (the ground) was applied
    expect(done.body.outcome.ground).toMatch(/^GDPR Art\. 18\(1\)\(a\)/);
    expect((await f.one<{ restricted_at: Date | null }>(`SELECT restricted_at FROM personal_data_records WHERE id = $1`, [a.id])).restricted_at).not.toBeNull();
  });

  it('rectification: old and new values in the preview, masked for a special category', async () => {
    const liis = await f.subject(MM, `liis-${Math.random()}@example.ee`, 'Liis');
    const rec = await f.record(MM, liis, { system: 'crm', register: 'customer-relationship', category: 'crm-name', value: 'Liis Kask' });
    const r = await f.request(MM, 'rectification', liis);
    const before = await f.footprint(MM);
    const p = await preview(MM, r.reference, { corrections: [{ recordId: rec.id, value: 'Liis Mets' }] });
    expect(p.status).toBe(200);
    expect(await f.footprint(MM)).toEqual(before);
    expect(p.body.plan.records).toEqual([expect.objectContaining({ recordId: rec.id, action: 'rectify', from: 'Liis Kask', to: 'Liis Mets' })]);
    expect(p.body.plan.webhooks).toEqual([{ system: 'crm', event: 'record.rectified', items: 1 }]);
    const done = await confirm(MM, r.reference, p.body.previewId);
    expect(done.status).toBe(200);
    expect(done.body.result.difference.same).toBe(true);
    expect((await f.one<{ value: unknown }>(`SELECT value FROM personal_data_records WHERE id = $1`, [rec.id])).value).toBe('Liis Mets');
  });

  it('portability: the files the subject will receive, by name, and the records handed over; the result equals the preview', async () => {
    const kadri = await f.subject(MM, `kadri-${Math.random()}@example.ee`, 'Kadri');
    const email = await f.record(MM, kadri, { system: 'client-portal', register: 'portal-accounts', category: 'account-email', value: 'kadri@example.ee' });
    await f.record(MM, kadri, { system: 'crm', register: 'customer-relationship', category: 'call-recordings', value: 'call.mp3' });
    const r = await f.request(MM, 'portability', kadri);
    const before = await f.footprint(MM);
    const p = await preview(MM, r.reference);
    expect(p.status).toBe(200);
    expect(await f.footprint(MM)).toEqual(before);
    expect(p.body.plan.subject).toMatchObject({ channel: 'email', files: [`portability-${r.reference}.json`, `portability-${r.reference}.csv`] });
    expect(ids(p.body.plan.records, 'hand-over')).toContain(email.id);
    expect(p.body.plan.webhooks).toEqual([]);
    const done = await confirm(MM, r.reference, p.body.previewId);
    expect(done.status).toBe(200);
    expect(done.body.result.difference.same).toBe(true);
    expect(done.body.outcome.downloads.map((x: { fileName: string }) => x.fileName)).toEqual(p.body.plan.subject.files);
  });

  it('access: preview lists the three files and writes nothing', async () => {
    const mari = await f.subject(MM, `mari-${Math.random()}@example.ee`, 'Mari');
    await f.record(MM, mari, { system: 'crm', register: 'customer-relationship', category: 'crm-name', value: 'Mari' });
    const r = await f.request(MM, 'access', mari);
    const before = await f.footprint(MM);
    const p = await preview(MM, r.reference);
    expect(p.status).toBe(200);
    expect(await f.footprint(MM)).toEqual(before);
    expect(p.body.plan.subject.files).toEqual([`access-${r.reference}.html`, `access-${r.reference}.json`, `access-${r.reference}.csv`]);
    expect(p.body.plan.records).toHaveLength(1);
  });
});
