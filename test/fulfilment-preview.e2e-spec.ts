import { Harness, startApi } from './support/api-harness';
import { settledFulfilment } from './support/package-build-wait';
import { fulfilmentFixtures } from './support/fulfilment-fixtures';
import { createStaff } from './support/staff';

/**
 * Issue 14 §3: fulfilling any request is first previewed (POST
 * …/fulfil/preview), without changing anything; the admin confirms (POST
 * …/fulfil?previewId=), the act computes the plan again on the data as it is
 * then, and the result keeps what differs from the preview. Both are kept
 * with the request and audited. Nothing is fulfilled without a preview, and a
 * preview is confirmed once, for its request and type, within 24 hours (the
 * API's clock is injected and stepped).
 */
describe('fulfilment preview', () => {
  let h: Harness;
  const MM = 'medical-management';
  const SB = 'softera-baltic';
  const IN = 'inomedis';
  const token: Record<string, string> = {};
  const tenantId: Record<string, string> = {};
  let f: ReturnType<typeof fulfilmentFixtures>;
  /** The API's clock runs with the test's, shifted by this much when a test steps it. */
  let shift = 0;

  beforeAll(async () => {
    h = await startApi({}, { clock: () => new Date(Date.now() + shift), packageWorker: true });
    for (const slug of [MM, SB, IN]) {
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
  /** Confirms a preview; an access package the worker builds is waited for (the answer is the finished build's). */
  const confirm = async (slug: string, reference: string, previewId: string) =>
    settledFulfilment(h.http, slug, reference, token[slug], await api(slug, `${reference}/fulfil?previewId=${previewId}`));
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
      expect(audited.details).toMatchObject({ previewId: p.body.previewId, records: 6 });
      expect(plan.records.filter((x: Planned) => x.action === 'withdraw-consent')).toEqual([expect.objectContaining({ register: 'direct-marketing', category: 'personalised-offers', system: 'crm' })]);

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

    it('nothing is fulfilled without a preview: 400 naming previewId when missing or malformed, 409 for a preview that cannot be confirmed', async () => {
      const d = await tiitWithData();
      const r = await f.request(MM, 'erasure', d.tiit);
      const before = await f.footprint(MM);
      const plain = await api(MM, `${r.reference}/fulfil`);
      expect(plain.status).toBe(400);
      expect(JSON.stringify(plain.body)).toMatch(/previewId/);
      const malformed = await confirm(MM, r.reference, 'not-a-uuid');
      expect(malformed.status).toBe(400);
      expect(JSON.stringify(malformed.body)).toMatch(/previewId/);
      const unknown = await confirm(MM, r.reference, '00000000-0000-4000-8000-000000000000');
      expect(unknown.status).toBe(409);
      expect(unknown.body.message).toMatch(/previewId .* is not a preview of request/);
      // a preview of another request
      const other = await f.request(MM, 'erasure', d.tiit);
      const theirs = await preview(MM, other.reference);
      expect((await confirm(MM, r.reference, theirs.body.previewId)).status).toBe(409);
      // a preview made before the request's type changed
      const mine = await preview(MM, r.reference);
      await f.q(`UPDATE rights_requests SET type = 'restriction' WHERE id = $1`, [r.id]);
      const retyped = await confirm(MM, r.reference, mine.body.previewId);
      expect(retyped.status).toBe(409);
      expect(retyped.body.message).toMatch(/made for the type erasure .* is now of type restriction/);
      await f.q(`UPDATE rights_requests SET type = 'erasure' WHERE id = $1`, [r.id]);
      expect(await f.footprint(MM)).toEqual(before);
    });

    it('a preview expires after 24 hours on the injected clock: 409, the page offers no confirmation, a new preview is confirmed', async () => {
      const d = await tiitWithData();
      const r = await f.request(MM, 'erasure', d.tiit);
      const old = await preview(MM, r.reference);
      try {
        shift = 24 * 3_600_000 + 60_000;
        token[MM] = await h.login(`admin@${MM}.test`); // the token was issued on the clock before the step
        const stale = await confirm(MM, r.reference, old.body.previewId);
        expect(stale.status).toBe(409);
        expect(stale.body.message).toMatch(/expired .* preview it again/);
        expect((await f.one<{ state: string }>(`SELECT state FROM rights_requests WHERE id = $1`, [r.id])).state).toBe('in-progress');
        const fresh = await preview(MM, r.reference);
        const done = await confirm(MM, r.reference, fresh.body.previewId);
        expect(done.status).toBe(200);
        expect(done.body.result.difference.same).toBe(true);
      } finally {
        shift = 0;
        token[MM] = await h.login(`admin@${MM}.test`);
      }
    });

    it('the OpenAPI document states previewId as required on fulfil', async () => {
      const doc = (await h.http().get('/api/docs/openapi.json')).body as { paths: Record<string, Record<string, { parameters?: { name: string; in: string; required?: boolean }[] }>> };
      const op = doc.paths['/api/v1/tenants/{slug}/requests/{reference}/fulfil'].post;
      expect(op.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'previewId', in: 'query', required: true })]));
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
  // ------------------------------------------------------------------ every type: the data changes between preview and confirmation

  /** Previews (writing nothing), changes the data, confirms: the act uses the data as it is then and the result names what differs. */
  async function changedBetween(slug: string, reference: string, body: object, change: () => Promise<unknown>) {
    const before = await f.footprint(slug);
    const p = await preview(slug, reference, body);
    expect({ status: p.status, body: p.status === 200 ? undefined : p.body }).toEqual({ status: 200, body: undefined });
    expect(await f.footprint(slug)).toEqual(before);
    await change();
    const done = await confirm(slug, reference, p.body.previewId);
    expect({ status: done.status, body: done.status === 200 ? undefined : done.body }).toEqual({ status: 200, body: undefined });
    expect(done.body.result.difference.same).toBe(false);
    const kept = await h.http().get(`/api/v1/tenants/${slug}/requests/${reference}/fulfilment-plans`).set('Authorization', `Bearer ${token[slug]}`);
    expect(kept.body).toEqual([expect.objectContaining({ id: p.body.previewId, preview: p.body.plan, result: done.body.result.plan, difference: done.body.result.difference })]);
    return { plan: p.body.plan, done: done.body, difference: done.body.result.difference };
  }

  it('restriction: a record ingested after the preview is restricted too, and named as added', async () => {
    const rasa = await f.subject(SB, `rasa-${Math.random()}@example.lt`, 'Rasa');
    await f.record(SB, rasa, { system: 'crm', register: 'customer-service', category: 'correspondence', value: 'letter' });
    const r = await f.request(SB, 'restriction', rasa, { details: { registers: ['customer-service'] } });
    let late = { id: '' };
    const { difference } = await changedBetween(SB, r.reference, {}, async () => {
      late = await f.record(SB, rasa, { system: 'crm', register: 'customer-service', category: 'correspondence', value: 'second letter' });
    });
    expect(difference.added).toEqual([expect.objectContaining({ recordId: late.id, action: 'restrict' })]);
    expect(difference.webhooksChanged).toEqual([{ before: { system: 'crm', event: 'record.restricted', items: 1 }, after: { system: 'crm', event: 'record.restricted', items: 2 } }]);
  });

  it('rectification: a value changed after the preview shows as changed (old value), and the correction is applied', async () => {
    const liis = await f.subject(MM, `liis-${Math.random()}@example.ee`, 'Liis');
    const rec = await f.record(MM, liis, { system: 'crm', register: 'customer-relationship', category: 'crm-name', value: 'Liis Kask' });
    const r = await f.request(MM, 'rectification', liis);
    const { difference } = await changedBetween(MM, r.reference, { corrections: [{ recordId: rec.id, value: 'Liis Mets' }] }, () =>
      f.q(`UPDATE personal_data_records SET value = '"Liis Kaskk"'::jsonb WHERE id = $1`, [rec.id]));
    expect(difference.changed).toEqual([{ before: expect.objectContaining({ from: 'Liis Kask', to: 'Liis Mets' }), after: expect.objectContaining({ from: 'Liis Kaskk', to: 'Liis Mets' }) }]);
    expect((await f.one<{ value: unknown }>(`SELECT value FROM personal_data_records WHERE id = $1`, [rec.id])).value).toBe('Liis Mets');
  });

  it('access and portability: a record ingested after the preview is handed over too, and named as added', async () => {
    for (const type of ['access', 'portability']) {
      const kadri = await f.subject(MM, `kadri-${Math.random()}@example.ee`, 'Kadri');
      await f.record(MM, kadri, { system: 'client-portal', register: 'portal-accounts', category: 'account-email', value: 'kadri@example.ee' });
      const r = await f.request(MM, type, kadri);
      let late = { id: '' };
      const { difference, done } = await changedBetween(MM, r.reference, {}, async () => {
        late = await f.record(MM, kadri, { system: 'client-portal', register: 'portal-accounts', category: 'account-email', value: 'kadri.kask@example.ee' });
      });
      expect(difference.added).toEqual([expect.objectContaining({ recordId: late.id, action: 'hand-over' })]);
      expect(done.state).toBe('completed');
    }
  });

  describe('objection, consent withdrawal and the recipients report are previewed too', () => {
    it('objection to direct marketing: flags, consents withdrawn and webhooks in the preview; a consent given after it is withdrawn too, named as added', async () => {
      const anna = await f.subject(IN, `anna-${Math.random()}@example.lv`, 'Anna');
      await f.record(IN, anna, { system: 'crm', register: 'marketing', category: 'contact', value: 'anna@example.lv' });
      const first = await f.consent(IN, anna, 'marketing', 'greetings-bonuses');
      const r = await f.request(IN, 'objection-direct-marketing', anna, { locale: 'lv' });
      let late = '';
      const { plan, difference } = await changedBetween(IN, r.reference, {}, async () => { late = await f.consent(IN, anna, 'marketing', 'own-offers'); });
      expect(plan.records).toEqual(expect.arrayContaining([
        expect.objectContaining({ action: 'object', kind: 'direct-marketing', register: 'marketing', category: 'greetings-bonuses' }),
        expect.objectContaining({ action: 'object', kind: 'direct-marketing', register: '', category: '' }),
        expect.objectContaining({ action: 'withdraw-consent', recordId: first, register: 'marketing', category: 'greetings-bonuses', system: 'crm' }),
      ]));
      expect(plan.webhooks).toEqual(expect.arrayContaining([{ system: 'crm', event: 'subject.objected', items: 1 }, { system: 'crm', event: 'consent.withdrawn', items: 1 }]));
      expect(plan.summary).toMatch(/^Tiešā tirgvedība jums ir pārtraukta/);
      expect(difference.added).toEqual([expect.objectContaining({ action: 'withdraw-consent', recordId: late })]);
      const withdrawn = await f.q<{ id: string }>(`SELECT id FROM consents WHERE subject_id = $1 AND withdrawn_at IS NOT NULL ORDER BY id`, [anna]);
      expect(withdrawn.map((c) => c.id).sort()).toEqual([first, late].sort());
    });

    it('general objection: the decision is part of the preview and applied from it; upheld flags per purpose', async () => {
      const ilze = await f.subject(IN, `ilze-${Math.random()}@example.lv`, 'Ilze');
      await f.record(IN, ilze, { system: 'crm', register: 'statistics', category: 'client-statistics', value: { segment: 'B' } });
      const r = await f.request(IN, 'objection', ilze, { details: { registers: ['statistics'] } });
      expect((await preview(IN, r.reference)).status).toBe(400); // the decision is needed to preview
      const p = await preview(IN, r.reference, { decision: { outcome: 'upheld' } });
      expect(p.status).toBe(200);
      expect(p.body.plan.records).toEqual([expect.objectContaining({ action: 'object', kind: 'objection', register: 'statistics' })]);
      const done = await confirm(IN, r.reference, p.body.previewId);
      expect(done.status).toBe(200);
      expect(done.body.outcome.decision).toBe('upheld');
      expect(done.body.result.difference.same).toBe(true);
      expect((await f.q<{ kind: string }>(`SELECT kind FROM processing_objections WHERE subject_id = $1`, [ilze])).map((x) => x.kind)).toEqual(['objection']);
    });

    it('objection to automated decisions: a system that starts holding data after the preview is told too, named as an added webhook', async () => {
      const juris = await f.subject(IN, `juris-${Math.random()}@example.lv`, 'Juris');
      await f.record(IN, juris, { system: 'crm', register: 'marketing', category: 'profile', value: { segment: 'gold' } });
      const r = await f.request(IN, 'objection-automated', juris);
      const { plan, difference } = await changedBetween(IN, r.reference, {}, () =>
        f.record(IN, juris, { system: `scoring-${Math.random().toString(36).slice(2, 8)}`, register: 'marketing', category: 'profile', value: { score: 7 } }));
      expect(plan.records).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'object', kind: 'automated-decisions', register: 'marketing' })]));
      expect(difference.webhooksAdded).toEqual([expect.objectContaining({ event: 'subject.objected', items: 1 })]);
    });

    it('consent withdrawal: which consents, from when, and the webhooks; a consent found after the preview is withdrawn too, named as added', async () => {
      const greta = await f.subject(SB, `greta-${Math.random()}@example.lt`, 'Greta');
      const first = await f.consent(SB, greta, 'direct-marketing', 'direct-marketing', 'crm');
      const r = await f.request(SB, 'consent-withdrawal', greta);
      let late = '';
      const { plan, difference, done } = await changedBetween(SB, r.reference, {}, async () => { late = await f.consent(SB, greta, 'direct-marketing', 'direct-marketing', 'crm'); });
      expect(plan.records).toEqual([expect.objectContaining({ action: 'withdraw-consent', recordId: first, until: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })]);
      expect(plan.webhooks).toEqual([{ system: 'crm', event: 'consent.withdrawn', items: 1 }]);
      expect(difference.added).toEqual([expect.objectContaining({ recordId: late })]);
      expect(difference.webhooksChanged).toEqual([expect.objectContaining({ after: { system: 'crm', event: 'consent.withdrawn', items: 2 } })]);
      expect(done.outcome.counts).toMatchObject({ withdrawn: 2 });
    });

    it('recipients in a period: the disclosures listed and the files; a disclosure logged after the preview is in the report, named as added', async () => {
      const marta = await f.subject(IN, `marta-${Math.random()}@example.lv`, 'Marta', 'lv');
      const disclose = (name: string, at: string) => f.one<{ id: string }>(
        `INSERT INTO disclosures (tenant_id, subject_id, register_key, recipient_id, recipient_name, categories, disclosed_at, via)
         VALUES ($1, $2, 'clients', 'processors', $3, ARRAY['billing'], $4, 'crm') RETURNING id`, [tenantId[IN], marta, name, at]);
      const first = await disclose('IT serviss SIA', '2025-03-01T10:00:00Z');
      const r = await f.request(IN, 'recipients-in-period', marta, { locale: 'lv', details: { period: { from: '2025-01-01', to: '2025-06-30' } } });
      let late = { id: '' };
      const { plan, difference, done } = await changedBetween(IN, r.reference, {}, async () => { late = await disclose('Partner SIA', '2025-04-01T10:00:00Z'); });
      expect(plan.records).toEqual([expect.objectContaining({ action: 'report-disclosure', recordId: first.id, recipient: 'IT serviss SIA', register: 'clients' })]);
      expect(plan.webhooks).toEqual([]);
      expect(plan.subject.files).toEqual([`recipients-${r.reference}.json`, `recipients-${r.reference}.html`, `recipients-${r.reference}.csv`]);
      expect(difference.added).toEqual([expect.objectContaining({ recordId: late.id, recipient: 'Partner SIA' })]);
      expect(done.outcome.counts).toEqual({ recipients: 2, disclosures: 2 });
    });
  });
});
