import { createHash, randomBytes } from 'node:crypto';
import { workingDaysDeadline } from '@regula/engine';
import { Harness, startApi } from './support/api-harness';
import { fulfilPreviewed } from './support/fulfil-previewed';
import { createStaff } from './support/staff';

/**
 * Fulfilment of every right on real Postgres (RLS) and Redis, through the
 * admin API: data arranged as the schema owner, a request in progress with a
 * matched subject, then the fulfilment, the outcome, the files, the flags,
 * the webhook rows, the disclosure row and the audit entry. Three tenants:
 * Medical Management (EE), Softera Baltic (LT), Inomedis (LV).
 */
describe('fulfilment of rights requests', () => {
  let h: Harness;
  /** The API's CLOCK, fixed: what fulfilment does "now" is this instant exactly. */
  const NOW = new Date();
  const token: Record<string, string> = {};
  const tenantId: Record<string, string> = {};
  const MM = 'medical-management';
  const SB = 'softera-baltic';
  const IN = 'inomedis';
  const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

  beforeAll(async () => {
    h = await startApi({}, { clock: () => NOW, packageWorker: true });
    for (const slug of [MM, SB, IN]) {
      await createStaff(h.db.owner, `admin@${slug}.test`, { tenant: slug });
      token[slug] = await h.login(`admin@${slug}.test`);
      [{ id: tenantId[slug] }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = $1`, [slug]);
    }
  });
  afterAll(() => h?.close());

  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => h.db.owner.query(sql, params);
  const one = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T> => (await q<T>(sql, params))[0];

  // ------------------------------------------------------------------ arrange

  const systems: Record<string, string> = {};
  async function system(slug: string, name: string): Promise<string> {
    const key = `${slug}/${name}`;
    if (!systems[key]) {
      systems[key] = (await one<{ id: string }>(
        `INSERT INTO source_systems (tenant_id, name, key_id, key_hash, webhook_secret) VALUES ($1, $2, $3, $4, 'secret') RETURNING id`,
        [tenantId[slug], name, randomBytes(8).toString('hex'), '0'.repeat(64)],
      )).id;
    }
    return systems[key];
  }

  async function subject(slug: string, email: string, name: string, locale = 'en'): Promise<string> {
    const s = await one<{ id: string }>(`INSERT INTO data_subjects (tenant_id, display_name, locale) VALUES ($1, $2, $3) RETURNING id`, [tenantId[slug], name, locale]);
    await q(`INSERT INTO subject_identifiers (tenant_id, subject_id, kind, value) VALUES ($1, $2, 'email', $3)`, [tenantId[slug], s.id, email]);
    return s.id;
  }

  interface RecordSpec { system: string; register: string; category: string; value: unknown; collectedAt?: string; anchors?: Record<string, string>; legalHold?: boolean }
  let ext = 0;
  async function record(slug: string, subjectId: string, r: RecordSpec): Promise<{ id: string; externalId: string }> {
    const externalId = `${r.system}-${++ext}`;
    const row = await one<{ id: string }>(
      `INSERT INTO personal_data_records (tenant_id, subject_id, source_system_id, external_id, register_key, category_id, value, collected_at, anchors, legal_hold)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9::jsonb, $10) RETURNING id`,
      [tenantId[slug], subjectId, await system(slug, r.system), externalId, r.register, r.category, JSON.stringify(r.value), r.collectedAt ?? '2025-03-10T10:00:00Z', JSON.stringify(r.anchors ?? {}), !!r.legalHold],
    );
    return { id: row.id, externalId };
  }

  async function consent(slug: string, subjectId: string, register: string, purpose: string, sys: string | null = 'crm', givenAt = '2025-03-10T10:00:00Z'): Promise<string> {
    return (await one<{ id: string }>(
      `INSERT INTO consents (tenant_id, subject_id, source_system_id, external_id, register_key, purpose_id, given_at, channel)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'web-form') RETURNING id`,
      [tenantId[slug], subjectId, sys ? await system(slug, sys) : null, sys ? `consent-${++ext}` : null, register, purpose, givenAt],
    )).id;
  }

  async function disclosure(slug: string, subjectId: string, register: string, recipientId: string, recipientName: string, categories: string[], at: string): Promise<string> {
    return (await one<{ id: string }>(
      `INSERT INTO disclosures (tenant_id, subject_id, register_key, recipient_id, recipient_name, categories, disclosed_at, via)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'crm') RETURNING id`,
      [tenantId[slug], subjectId, register, recipientId, recipientName, categories, at],
    )).id;
  }

  interface Filed { id: string; reference: string; statusToken: string; receivedAt: Date }
  async function request(slug: string, type: string, subjectId: string | null, opts: { details?: Record<string, unknown>; locale?: string; state?: string; receivedAt?: Date } = {}): Promise<Filed> {
    const pick = () => Array.from({ length: 4 }, () => ALPHABET[Math.floor(Math.random() * ALPHABET.length)]).join('');
    const reference = `R-${pick()}-${pick()}`;
    const statusToken = randomBytes(32).toString('base64url');
    const receivedAt = opts.receivedAt ?? new Date(NOW.getTime() - 2 * 86_400_000);
    const due = new Date(receivedAt.getTime() + 30 * 86_400_000);
    const row = await one<{ id: string }>(
      `INSERT INTO rights_requests (tenant_id, reference, type, state, subject_id, requester_email, requester_name, locale, details, received_at,
         due_at, due_date, first_due_at, identity_method, identity_verified_at, email_verified_at, status_token_hash)
       VALUES ($1, $2, $3, $4, $5, 'subject@example.test', 'The Subject', $6, $7::jsonb, $8, $9, $10, $9, 'email-link', $8, $8, $11) RETURNING id`,
      [tenantId[slug], reference, type, opts.state ?? 'in-progress', subjectId, opts.locale ?? 'en', JSON.stringify(opts.details ?? {}), receivedAt, due,
        due.toISOString().slice(0, 10), createHash('sha256').update(statusToken).digest('hex')],
    );
    return { id: row.id, reference, statusToken, receivedAt };
  }

  // Every fulfilment is previewed first (issue 14 §3): the helper previews with the body, then confirms that preview.
  const fulfil = (slug: string, reference: string, body: object = {}, as = slug) => fulfilPreviewed(h.http, slug, reference, token[as], body);
  const download = (slug: string, reference: string, id: string) =>
    h.http().get(`/api/v1/tenants/${slug}/requests/${reference}/artifacts/${id}`).set('Authorization', `Bearer ${token[slug]}`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks).toString('utf8')));
    });
  type Download = { id: string; kind: string; path: string; fileName: string; label: string };
  const downloadsOf = (body: { outcome: { downloads?: Download[] } }) => Object.fromEntries((body.outcome.downloads ?? []).map((d) => [d.kind, d]));
  const webhooks = (slug: string, event: string) =>
    q<{ event: string; payload: Record<string, unknown>; name: string }>(
      `SELECT d.event, d.payload, s.name FROM webhook_deliveries d JOIN source_systems s ON s.id = d.source_system_id WHERE d.tenant_id = $1 AND d.event = $2 ORDER BY d.created_at`,
      [tenantId[slug], event],
    );
  const lastAudit = (slug: string, action: string) =>
    one<{ details: Record<string, unknown>; actor: string }>(`SELECT details, actor FROM audit_log WHERE tenant_id = $1 AND action = $2 ORDER BY seq DESC LIMIT 1`, [tenantId[slug], action]);
  const stateOf = async (id: string) => (await one<{ state: string; outcome: Record<string, unknown> }>(`SELECT state, outcome FROM rights_requests WHERE id = $1`, [id]));

  // ------------------------------------------------------------------ access

  describe('access (Art. 15)', () => {
    let mari: string;
    let filed: Filed;
    let res: Awaited<ReturnType<typeof fulfil>>;

    beforeAll(async () => {
      mari = await subject(MM, 'mari@example.ee', 'Mari Maasikas');
      await record(MM, mari, { system: 'crm', register: 'customer-relationship', category: 'crm-name', value: 'Mari Maasikas' });
      await record(MM, mari, { system: 'crm', register: 'customer-relationship', category: 'contract-history', value: { order: 'A-17', total: 1200 } });
      await record(MM, mari, { system: 'crm', register: 'customer-relationship', category: 'correspondence', value: '=cmd|"/c calc"!A1' });
      await record(MM, mari, { system: 'client-portal', register: 'portal-accounts', category: 'account-email', value: 'mari@example.ee' });
      await consent(MM, mari, 'direct-marketing', 'personalised-offers');
      await disclosure(MM, mari, 'customer-relationship', 'payment-gateway', 'Payment gateway provider', ['crm-name'], '2025-10-10T10:00:00Z');
      filed = await request(MM, 'access', mari);
      res = await fulfil(MM, filed.reference);
    });

    it('closes the request with the outcome and three downloads', async () => {
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ reference: filed.reference, type: 'access', state: 'completed' });
      expect(res.body.outcome).toMatchObject({ type: 'access', counts: { records: 4, registers: 3 } });
      expect(Object.keys(downloadsOf(res.body)).sort()).toEqual(['access-csv', 'access-html', 'access-json']);
      const stored = await stateOf(filed.id);
      expect(stored.state).toBe('completed');
      expect(stored.outcome).toEqual(res.body.outcome);
    });

    it('JSON: the data and, per register, purposes, legal bases, recipients, transfers, retention, sources, automated decisions', async () => {
      const file = await download(MM, filed.reference, downloadsOf(res.body)['access-json'].id);
      expect(file.status).toBe(200);
      expect(file.headers['content-disposition']).toBe(`attachment; filename="access-${filed.reference}.json"`);
      const pkg = JSON.parse(file.body);
      const crm = pkg.registers.find((r: { id: string }) => r.id === 'customer-relationship');
      expect(crm.records.map((r: { categoryId: string; value: unknown }) => [r.categoryId, r.value])).toEqual([
        ['contract-history', { order: 'A-17', total: 1200 }],
        ['correspondence', '=cmd|"/c calc"!A1'],
        ['crm-name', 'Mari Maasikas'],
      ]);
      expect(crm.purposes.find((p: { id: string }) => p.id === 'transactions').legalBases.map((b: { article: string }) => b.article)).toEqual(['6(1)(b)', '6(1)(f)', '6(1)(c)']);
      expect(crm.recipients.map((r: { kind: string }) => r.kind)).toContain('processor');
      expect(crm.transfers[0].safeguard).toBe('eu-data-boundary-and-scc');
      expect(crm.retention.map((r: { ruleId: string }) => r.ruleId)).toContain('accounting-source-documents');
      expect(crm.sources.map((s: { kind: string }) => s.kind)).toContain('data-subject');
      expect(crm.disclosures).toEqual([expect.objectContaining({ recipient: 'Payment gateway provider' })]);
      expect(pkg.registers.find((r: { id: string }) => r.id === 'direct-marketing').automatedDecisions.profiling).toBe(true);
      expect(pkg.authority.name).toBe('Andmekaitse Inspektsioon');
      expect(pkg.rights.map((r: { right: string }) => r.right)).toContain('A77');
    });

    it('HTML: a readable, self-contained page with the data and the register facts', async () => {
      const file = await download(MM, filed.reference, downloadsOf(res.body)['access-html'].id);
      expect(file.headers['content-type']).toMatch(/^text\/html/);
      expect(file.headers['cache-control']).toBe('no-store');
      expect(file.headers['content-security-policy']).toContain('sandbox');
      expect(file.body).toContain('Mari Maasikas');
      expect(file.body).toContain('Estonian Accounting Act, § 12');
      expect(file.body).toContain('Andmekaitse Inspektsioon');
      expect(file.body).not.toMatch(/<script|src=|href=/i);
    });

    it('CSV: one row per record, formulas neutralised', async () => {
      const file = await download(MM, filed.reference, downloadsOf(res.body)['access-csv'].id);
      const lines = file.body.split('\r\n').filter(Boolean);
      expect(lines).toHaveLength(5);
      expect(file.body).toContain(`"'=cmd|""/c calc""!A1"`);
    });

    it('records the hand-over as a disclosure to the data subject, and audits the fulfilment', async () => {
      const rows = await q<{ register_key: string; categories: string[] }>(
        `SELECT register_key, categories FROM disclosures WHERE subject_id = $1 AND recipient_id = 'data-subject' ORDER BY register_key`, [mari]);
      expect(rows).toEqual([
        { register_key: 'customer-relationship', categories: ['contract-history', 'correspondence', 'crm-name'] },
        { register_key: 'portal-accounts', categories: ['account-email'] },
      ]);
      const audit = await lastAudit(MM, 'request.fulfilled');
      expect(audit.actor).toBe(`admin@${MM}.test (compliance-admin)`);
      expect(audit.details).toMatchObject({ reference: filed.reference, type: 'access', records: 4 });
    });

    it('lets the subject download with the status token and a fresh e-mail code, as an attachment; a wrong token is a 404', async () => {
      const d = downloadsOf(res.body)['access-html'];
      expect(d.path).toBe(`/t/${MM}/requests/${filed.reference}/artifacts/${d.id}`);
      // The status link alone no longer hands the package over (issue 14 §4): a code from e-mail is needed.
      expect((await h.http().get(`${d.path}?token=${filed.statusToken}`)).status).toBe(403);
      // This suite sends no e-mail: the code's hash is stored as the worker would when it sends one.
      await q(`UPDATE rights_requests SET download_code_hash = $2, download_code_expires_at = now() + interval '10 minutes' WHERE id = $1`,
        [filed.id, createHash('sha256').update('246810').digest('hex')]);
      const ok = await h.http().post(`/t/${MM}/requests/${filed.reference}/download`).type('form').send({ token: filed.statusToken, file: d.id, code: '246810' });
      expect(ok.status).toBe(200);
      expect(ok.headers['content-disposition']).toMatch(/^attachment;/);
      expect(ok.text ?? ok.body.toString()).toContain('Mari Maasikas');
      expect((await h.http().get(`${d.path}?token=${randomBytes(32).toString('base64url')}`)).status).toBe(404);
      expect((await h.http().get(d.path)).status).toBe(404);
      expect((await h.http().get(`/t/${SB}/requests/${filed.reference}/artifacts/${d.id}?token=${filed.statusToken}`)).status).toBe(404);
    });

    it("refuses another tenant's staff (404) and a request not in progress (409)", async () => {
      const other = await fulfil(MM, filed.reference, {}, SB);
      expect(other.status).toBe(404);
      expect((await fulfil(MM, filed.reference)).status).toBe(409);
      const received = await request(MM, 'access', mari, { state: 'received' });
      expect((await fulfil(MM, received.reference)).status).toBe(409);
      expect((await download(SB, filed.reference, downloadsOf(res.body)['access-json'].id)).status).toBe(404);
    });

    it('answers in Lithuanian for a Softera subject who wrote in Lithuanian', async () => {
      const jonas = await subject(SB, 'jonas@example.lt', 'Jonas Jonaitis', 'lt');
      await record(SB, jonas, { system: 'accounting-system', register: 'accounting', category: 'accounting-records', value: { invoice: 'SF-1' } });
      const r = await request(SB, 'access', jonas, { locale: 'lt' });
      const done = await fulfil(SB, r.reference);
      expect(done.status).toBe(200);
      expect(done.body.outcome.summary).toMatch(/^Jūsų kopija parengta/);
      const html = await download(SB, r.reference, downloadsOf(done.body)['access-html'].id);
      expect(html.body).toContain('<html lang="lt">');
      expect(html.body).toContain('Buhalterinė apskaita');
      expect(html.body).toContain('Valstybinė duomenų apsaugos inspekcija');
    });

    it('completes with "no personal data found" when no subject matched', async () => {
      const r = await request(MM, 'access', null);
      const done = await fulfil(MM, r.reference);
      expect(done.status).toBe(200);
      expect(done.body.outcome).toMatchObject({ result: 'no-personal-data-found', summary: 'We searched our records and hold no personal data about you.' });
      expect(done.body.state).toBe('completed');
    });
  });

  // ------------------------------------------------------------------ portability

  it('portability (Art. 20): only data the subject provided, on consent or contract, as JSON and CSV', async () => {
    const kadri = await subject(MM, 'kadri@example.ee', 'Kadri Kask');
    await record(MM, kadri, { system: 'client-portal', register: 'portal-accounts', category: 'account-email', value: 'kadri@example.ee' });
    await record(MM, kadri, { system: 'client-portal', register: 'portal-accounts', category: 'account-role', value: 'admin' });
    await record(MM, kadri, { system: 'crm', register: 'customer-relationship', category: 'call-recordings', value: 'call-2025-01.mp3' });
    await record(MM, kadri, { system: 'crm', register: 'direct-marketing', category: 'marketing-contact', value: { email: 'kadri@example.ee' } });
    const r = await request(MM, 'portability', kadri);
    const done = await fulfil(MM, r.reference);
    expect(done.status).toBe(200);
    expect(done.body.outcome.counts).toEqual({ records: 2, notPortable: 2 });
    const json = JSON.parse((await download(MM, r.reference, downloadsOf(done.body)['portability-json'].id)).body);
    expect(json.records.map((x: { category: string; legalBases: string[] }) => [x.category, x.legalBases])).toEqual([
      ['marketing-contact', ['6(1)(a)']],
      ['account-email', ['6(1)(b)']],
    ]);
    const csv = (await download(MM, r.reference, downloadsOf(done.body)['portability-csv'].id)).body;
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3);
    expect(csv).not.toContain('call-2025-01.mp3');
  });

  // ------------------------------------------------------------------ erasure

  describe('erasure (Art. 17)', () => {
    it('Medical Management: erases what has no legal reason to be kept, restricts accounting records naming the Act, keeps legal holds', async () => {
      const tiit = await subject(MM, 'tiit@example.ee', 'Tiit Tamm');
      const contract = await record(MM, tiit, { system: 'crm', register: 'customer-relationship', category: 'contract-history', value: { order: 'B-2' }, collectedAt: '2025-05-05T10:00:00Z' });
      const name = await record(MM, tiit, { system: 'crm', register: 'customer-relationship', category: 'crm-name', value: 'Tiit Tamm' });
      const call = await record(MM, tiit, { system: 'crm', register: 'customer-relationship', category: 'call-recordings', value: 'call.mp3' });
      const account = await record(MM, tiit, { system: 'client-portal', register: 'portal-accounts', category: 'account-email', value: 'tiit@example.ee' });
      const held = await record(MM, tiit, { system: 'crm', register: 'customer-relationship', category: 'correspondence', value: 'complaint letter', legalHold: true });
      await consent(MM, tiit, 'direct-marketing', 'personalised-offers');
      // an earlier access request left a package: erasure must not leave that copy behind
      const earlier = await request(MM, 'access', tiit);
      expect((await fulfil(MM, earlier.reference)).status).toBe(200);
      expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM request_artifacts WHERE request_id = $1`, [earlier.id])).n).toBe(3);

      const r = await request(MM, 'erasure', tiit);
      const done = await fulfil(MM, r.reference);
      expect(done.status).toBe(200);
      const o = done.body.outcome;
      expect(o.counts).toMatchObject({ erased: 3, restricted: 1, legalHold: 1, consentsWithdrawn: 1, filesDeleted: 3 });
      expect(o.erased.map((g: { category: string }) => g.category).sort()).toEqual(['account-email', 'call-recordings', 'crm-name']);
      expect(o.kept).toEqual(expect.arrayContaining([
        expect.objectContaining({ category: 'contract-history', reason: 'legal-obligation', rule: 'accounting-source-documents', until: '2032-12-31', law: expect.stringMatching(/^Estonian Accounting Act, § 12/) }),
        expect.objectContaining({ category: 'correspondence', reason: 'legal-hold' }),
      ]));

      const rows = await q<{ id: string; value: unknown; erased_at: Date | null; restricted_at: Date | null; restriction_reason: string | null }>(
        `SELECT id, value, erased_at, restricted_at, restriction_reason FROM personal_data_records WHERE subject_id = $1`, [tiit]);
      const byId = Object.fromEntries(rows.map((x) => [x.id, x]));
      for (const e of [name, call, account]) expect(byId[e.id]).toMatchObject({ value: null, erased_at: expect.any(Date) });
      expect(byId[contract.id]).toMatchObject({ value: { order: 'B-2' }, erased_at: null, restricted_at: expect.any(Date) });
      expect(byId[contract.id].restriction_reason).toMatch(/^Estonian Accounting Act, § 12 .*seven years from the end of the financial year; kept until 2032-12-31$/);
      expect(byId[held.id]).toMatchObject({ value: 'complaint letter', erased_at: null });

      const erasedHooks = (await webhooks(MM, 'record.erased')).filter((w) => w.payload.requestReference === r.reference);
      expect(erasedHooks.map((w) => w.name).sort()).toEqual(['client-portal', 'crm']);
      const crmHook = erasedHooks.find((w) => w.name === 'crm')!;
      expect((crmHook.payload.records as { externalId: string }[]).map((x) => x.externalId).sort()).toEqual([call.externalId, name.externalId].sort());
      const restrictedHooks = (await webhooks(MM, 'record.restricted')).filter((w) => w.payload.requestReference === r.reference);
      expect(restrictedHooks).toHaveLength(1);
      expect(restrictedHooks[0].payload.records).toEqual([expect.objectContaining({ externalId: contract.externalId, keptUntil: '2032-12-31' })]);
      expect((await one<{ withdrawn_at: Date | null }>(`SELECT withdrawn_at FROM consents WHERE subject_id = $1`, [tiit])).withdrawn_at).not.toBeNull();
      expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM request_artifacts WHERE request_id = $1`, [earlier.id])).n).toBe(0);
      // something is kept: the subject and its identifiers stay
      expect((await one<{ erased_at: Date | null }>(`SELECT erased_at FROM data_subjects WHERE id = $1`, [tiit])).erased_at).toBeNull();
    });

    it('Softera Baltic: accounting records restricted for 10 years under the Law on Accounting, the rest erased', async () => {
      const ona = await subject(SB, 'ona@example.lt', 'Ona Onaitė');
      const invoice = await record(SB, ona, { system: 'accounting-system', register: 'accounting', category: 'accounting-records', value: { invoice: 'SF-9' }, collectedAt: '2025-03-10T10:00:00Z' });
      await record(SB, ona, { system: 'crm', register: 'clients', category: 'client-identity', value: 'Ona Onaitė' });
      await record(SB, ona, { system: 'newsletter-tool', register: 'direct-marketing', category: 'marketing-contact', value: 'ona@example.lt' });
      const r = await request(SB, 'erasure', ona, { locale: 'lt' });
      const done = await fulfil(SB, r.reference);
      expect(done.status).toBe(200);
      expect(done.body.outcome.counts).toMatchObject({ erased: 2, restricted: 1 });
      expect(done.body.outcome.kept).toEqual([expect.objectContaining({ category: 'accounting-records', until: '2035-12-31', explanation: expect.stringMatching(/saugoma iki 2035-12-31$/) })]);
      const kept = await one<{ restriction_reason: string; value: unknown }>(`SELECT restriction_reason, value FROM personal_data_records WHERE id = $1`, [invoice.id]);
      expect(kept.restriction_reason).toMatch(/^Law on Accounting of the Republic of Lithuania.*kept until 2035-12-31$/);
      expect(kept.value).toEqual({ invoice: 'SF-9' });
      const hooks = (await webhooks(SB, 'record.erased')).filter((w) => w.payload.requestReference === r.reference);
      expect(hooks.map((w) => w.name).sort()).toEqual(['crm', 'newsletter-tool']);
      expect((await webhooks(SB, 'record.restricted')).filter((w) => w.payload.requestReference === r.reference).map((w) => w.name)).toEqual(['accounting-system']);
    });

    it('leaves only the ids of a subject when nothing is kept', async () => {
      const petras = await subject(SB, 'petras@example.lt', 'Petras Petraitis');
      await record(SB, petras, { system: 'newsletter-tool', register: 'surveys-newsletters', category: 'subscriber-data', value: 'petras@example.lt' });
      const r = await request(SB, 'erasure', petras);
      const done = await fulfil(SB, r.reference);
      expect(done.body.outcome.kept).toEqual([]);
      expect(done.body.outcome.summary).toBe('Your personal data was erased (1 record(s)).');
      expect(await one(`SELECT display_name, erased_at IS NOT NULL AS erased FROM data_subjects WHERE id = $1`, [petras])).toEqual({ display_name: null, erased: true });
      expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM subject_identifiers WHERE subject_id = $1`, [petras])).n).toBe(0);
    });
  });

  // ------------------------------------------------------------------ rectification

  it('rectification (Art. 16): the admin applies the correction; old and new values audited; the source system told', async () => {
    const liis = await subject(MM, 'liis@example.ee', 'Liis Lepp');
    const rec = await record(MM, liis, { system: 'crm', register: 'customer-relationship', category: 'contact-details', value: { phone: '+372 5555 0000' } });
    const stranger = await subject(MM, 'stranger@example.ee', 'Someone Else');
    const theirs = await record(MM, stranger, { system: 'crm', register: 'customer-relationship', category: 'crm-name', value: 'Someone Else' });
    const r = await request(MM, 'rectification', liis, { details: { corrections: [{ field: 'phone', corrected: '+372 5555 1111' }] } });

    expect((await fulfil(MM, r.reference, {})).status).toBe(400);
    const wrong = await fulfil(MM, r.reference, { corrections: [{ recordId: theirs.id, value: 'x' }] });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain("is not one of this subject's records");

    const done = await fulfil(MM, r.reference, { corrections: [{ recordId: rec.id, value: { phone: '+372 5555 1111' } }] });
    expect(done.status).toBe(200);
    expect(done.body.outcome).toMatchObject({ type: 'rectification', counts: { rectified: 1 }, sourceSystemsNotified: ['crm'] });
    expect((await one<{ value: unknown }>(`SELECT value FROM personal_data_records WHERE id = $1`, [rec.id])).value).toEqual({ phone: '+372 5555 1111' });
    const audit = await lastAudit(MM, 'request.fulfilled');
    expect(audit.details.corrections).toEqual([
      { recordId: rec.id, registerKey: 'customer-relationship', categoryId: 'contact-details', externalId: rec.externalId, old: { phone: '+372 5555 0000' }, new: { phone: '+372 5555 1111' } },
    ]);
    const hook = (await webhooks(MM, 'record.rectified')).find((w) => w.payload.requestReference === r.reference)!;
    expect(hook.payload.records).toEqual([{ externalId: rec.externalId, registerKey: 'customer-relationship', categoryId: 'contact-details', value: { phone: '+372 5555 1111' } }]);
  });

  // ------------------------------------------------------------------ restriction

  it('restriction (Art. 18): a flag per register in scope, the records marked restricted, the systems told', async () => {
    const rasa = await subject(SB, 'rasa@example.lt', 'Rasa Rasaitė');
    const a = await record(SB, rasa, { system: 'crm', register: 'customer-service', category: 'correspondence', value: 'letter' });
    const b = await record(SB, rasa, { system: 'newsletter-tool', register: 'direct-marketing', category: 'marketing-contact', value: 'rasa@example.lt' });
    const r = await request(SB, 'restriction', rasa, { details: { registers: ['customer-service'] } });
    const done = await fulfil(SB, r.reference, { restrictionGround: 'a' });
    expect(done.status).toBe(200);
    expect(done.body.outcome).toMatchObject({ counts: { restricted: 1 }, ground: 'GDPR Art. 18(1)(a): the accuracy of the data is contested' });
    expect(await q(`SELECT kind, register_key, request_id FROM processing_objections WHERE subject_id = $1`, [rasa])).toEqual([{ kind: 'restriction', register_key: 'customer-service', request_id: r.id }]);
    const rows = await q<{ id: string; restricted_at: Date | null }>(`SELECT id, restricted_at FROM personal_data_records WHERE subject_id = $1`, [rasa]);
    expect(rows.find((x) => x.id === a.id)!.restricted_at).toBeInstanceOf(Date);
    expect(rows.find((x) => x.id === b.id)!.restricted_at).toBeNull();
    expect((await webhooks(SB, 'record.restricted')).filter((w) => w.payload.requestReference === r.reference).map((w) => w.name)).toEqual(['crm']);
  });

  // ------------------------------------------------------------------ objections

  describe('objections (Art. 21, 22)', () => {
    it('to direct marketing: honoured at once, marketing consents withdrawn now, subject.objected sent', async () => {
      const anna = await subject(IN, 'anna@example.lv', 'Anna Bērziņa', 'lv');
      await record(IN, anna, { system: 'crm', register: 'marketing', category: 'contact', value: 'anna@example.lv' });
      const dmConsent = await consent(IN, anna, 'marketing', 'greetings-bonuses');
      const otherConsent = await consent(IN, anna, 'marketing', 'surveys-new-products');
      const r = await request(IN, 'objection-direct-marketing', anna, { locale: 'lv' });
      const done = await fulfil(IN, r.reference);
      expect(done.status).toBe(200);
      expect(done.body.outcome.summary).toMatch(/^Tiešā tirgvedība jums ir pārtraukta no \d{4}-\d{2}-\d{2}\./);
      const flags = await q<{ register_key: string | null; purpose_id: string | null; effective_at: Date }>(
        `SELECT register_key, purpose_id, effective_at FROM processing_objections WHERE subject_id = $1 AND kind = 'direct-marketing' ORDER BY purpose_id NULLS LAST`, [anna]);
      expect(flags.map((f) => `${f.register_key}:${f.purpose_id}`)).toEqual(expect.arrayContaining(['marketing:own-offers', 'marketing:partner-offers', 'marketing:greetings-bonuses', 'marketing:profiling', 'null:null']));
      for (const f of flags) expect(f.effective_at).toEqual(NOW);
      const consents = await q<{ id: string; withdrawn_at: Date | null; withdrawal_effective_at: Date | null }>(`SELECT id, withdrawn_at, withdrawal_effective_at FROM consents WHERE subject_id = $1`, [anna]);
      const dm = consents.find((c) => c.id === dmConsent)!;
      expect(dm.withdrawal_effective_at).toEqual(NOW);
      expect(consents.find((c) => c.id === otherConsent)!.withdrawn_at).toBeNull(); // surveys are not direct marketing
      const objected = (await webhooks(IN, 'subject.objected')).filter((w) => w.payload.requestReference === r.reference);
      expect(objected.map((w) => w.name)).toContain('crm');
      expect(objected[0].payload).toMatchObject({ kind: 'direct-marketing' });
      expect((await webhooks(IN, 'consent.withdrawn')).some((w) => w.payload.requestReference === r.reference)).toBe(true);
    });

    it('general objection (Art. 21(1)): needs the admin’s decision; overriding needs the grounds, which the answer states', async () => {
      const ilze = await subject(IN, 'ilze@example.lv', 'Ilze Kalniņa');
      await record(IN, ilze, { system: 'crm', register: 'statistics', category: 'client-statistics', value: { segment: 'B' } });
      const r = await request(IN, 'objection', ilze, { details: { registers: ['statistics'] } });
      expect((await fulfil(IN, r.reference)).status).toBe(400);
      expect((await fulfil(IN, r.reference, { decision: { outcome: 'overridden', grounds: 'short' } })).status).toBe(400);
      const grounds = 'Aggregated statistics are needed for the market analysis the law requires of us and affect you minimally.';
      const done = await fulfil(IN, r.reference, { decision: { outcome: 'overridden', grounds } });
      expect(done.status).toBe(200);
      expect(done.body.outcome).toMatchObject({ decision: 'overridden', grounds, upheld: [] });
      expect(await q(`SELECT * FROM processing_objections WHERE subject_id = $1`, [ilze])).toEqual([]);

      const upheld = await request(IN, 'objection', ilze, { details: { registers: ['statistics'] } });
      const ok = await fulfil(IN, upheld.reference, { decision: { outcome: 'upheld' } });
      expect(ok.body.outcome.upheld).toEqual([expect.objectContaining({ register: 'statistics' })]);
      expect((await q(`SELECT kind FROM processing_objections WHERE subject_id = $1`, [ilze])).map((x) => x.kind)).toEqual(['objection']);
    });

    it('to automated decisions (Art. 22): recorded for every register that profiles', async () => {
      const juris = await subject(IN, 'juris@example.lv', 'Juris Ozols');
      await record(IN, juris, { system: 'crm', register: 'marketing', category: 'profile', value: { segment: 'gold' } });
      const r = await request(IN, 'objection-automated', juris);
      const done = await fulfil(IN, r.reference);
      expect(done.status).toBe(200);
      const flags = await q<{ register_key: string | null }>(`SELECT register_key FROM processing_objections WHERE subject_id = $1 AND kind = 'automated-decisions'`, [juris]);
      expect(flags.map((f) => f.register_key)).toEqual(expect.arrayContaining(['marketing', null]));
    });
  });

  // ------------------------------------------------------------------ consent withdrawal

  describe('consent withdrawal (Art. 7(3))', () => {
    it('Inomedis: in effect from receipt; the three working days of clause 15 are the outer limit recorded, not a delay', async () => {
      const laura = await subject(IN, 'laura@example.lv', 'Laura Liepa', 'lv');
      const c1 = await consent(IN, laura, 'marketing', 'greetings-bonuses');
      const c2 = await consent(IN, laura, 'marketing', 'partner-offers', null);
      await system(IN, 'newsletter'); // the marketing register's other system
      const receivedAt = new Date('2026-06-19T15:00:00Z'); // Friday; 23 and 24 June are Latvian holidays
      const r = await request(IN, 'consent-withdrawal', laura, { locale: 'lv', receivedAt: new Date(NOW.getTime() - 3600_000) });
      await q(`UPDATE rights_requests SET received_at = $1 WHERE id = $2`, [receivedAt, r.id]);
      await q(`UPDATE consents SET given_at = '2025-01-01T00:00:00Z' WHERE subject_id = $1`, [laura]);
      const done = await fulfil(IN, r.reference);
      expect(done.status).toBe(200);
      const expected = workingDaysDeadline({ country: 'LV', timeZone: 'Europe/Riga', received: receivedAt }, 3);
      expect(expected.dueDate).toBe('2026-06-26');
      expect(done.body.outcome).toMatchObject({
        effectiveDate: '2026-06-19',
        effectiveAt: receivedAt.toISOString(),
        carryOutBy: { dueDate: '2026-06-26', dueAt: expected.dueAt.toISOString(), workingDays: 3, kept: false },
      });
      expect(done.body.outcome.summary).toContain('2026-06-19');
      expect(done.body.outcome.summary).not.toContain('2026-06-26');
      const rows = await q<{ id: string; withdrawn_at: Date; withdrawal_effective_at: Date }>(`SELECT id, withdrawn_at, withdrawal_effective_at FROM consents WHERE subject_id = $1`, [laura]);
      for (const row of rows) {
        expect(row.withdrawn_at.toISOString()).toBe(receivedAt.toISOString());
        expect(row.withdrawal_effective_at.toISOString()).toBe(receivedAt.toISOString());
      }
      const hooks = (await webhooks(IN, 'consent.withdrawn')).filter((w) => w.payload.requestReference === r.reference);
      expect(hooks.map((w) => w.name).sort()).toEqual(['crm', 'newsletter']); // c1 from its system; c2 (given on Regula's pages) to the register's systems
      expect(JSON.stringify(hooks)).toContain(c1);
      expect(JSON.stringify(hooks)).toContain(c2);
    });

    it('Softera Baltic: takes effect at once (no promised period)', async () => {
      const greta = await subject(SB, 'greta@example.lt', 'Greta Gretaitė');
      await consent(SB, greta, 'direct-marketing', 'direct-marketing', 'crm');
      const r = await request(SB, 'consent-withdrawal', greta);
      const done = await fulfil(SB, r.reference);
      expect(done.status).toBe(200);
      expect(done.body.outcome).toMatchObject({ effectiveAt: r.receivedAt.toISOString(), counts: { withdrawn: 1 } });
      expect(done.body.outcome).not.toHaveProperty('carryOutBy');
      const row = await one<{ withdrawn_at: Date; withdrawal_effective_at: Date }>(`SELECT withdrawn_at, withdrawal_effective_at FROM consents WHERE subject_id = $1`, [greta]);
      expect(row.withdrawal_effective_at.toISOString()).toBe(r.receivedAt.toISOString());
      expect(row.withdrawal_effective_at.getTime()).toBeLessThanOrEqual(NOW.getTime());
    });
  });

  // ------------------------------------------------------------------ recipients

  it('recipients in a period (Inomedis clause 38): from the disclosure log, grouped, minus what the law forbids naming', async () => {
    const marta = await subject(IN, 'marta@example.lv', 'Marta Krūmiņa', 'lv');
    await disclosure(IN, marta, 'clients', 'processors', 'IT serviss SIA', ['identity-contact'], '2025-03-01T10:00:00Z');
    await disclosure(IN, marta, 'clients', 'processors', 'IT serviss SIA', ['billing'], '2025-05-01T10:00:00Z');
    await disclosure(IN, marta, 'clients', 'partners-agents', 'Partner SIA', ['contract-service'], '2025-04-01T10:00:00Z');
    const police = await disclosure(IN, marta, 'clients', 'authorities', 'Valsts policija', ['identity-contact'], '2025-04-15T10:00:00Z');
    await disclosure(IN, marta, 'clients', 'processors', 'IT serviss SIA', ['billing'], '2024-12-31T21:59:00Z'); // 2024-12-31 23:59 in Riga: outside
    const r = await request(IN, 'recipients-in-period', marta, { locale: 'lv', details: { period: { from: '2025-01-01', to: '2025-06-30' } } });

    const notAuthority = (await q<{ id: string }>(`SELECT id FROM disclosures WHERE subject_id = $1 AND recipient_id = 'partners-agents'`, [marta]))[0].id;
    expect((await fulfil(IN, r.reference, { withheldDisclosureIds: [notAuthority] })).status).toBe(400);

    const done = await fulfil(IN, r.reference, { withheldDisclosureIds: [police] });
    expect(done.status).toBe(200);
    expect(done.body.outcome).toMatchObject({ type: 'recipients-in-period', period: { from: '2025-01-01', to: '2025-06-30' }, counts: { recipients: 2, disclosures: 3 } });
    expect(JSON.stringify(done.body.outcome)).not.toMatch(/withheld|policija/i);
    const report = JSON.parse((await download(IN, r.reference, downloadsOf(done.body)['recipients-json'].id)).body);
    expect(report.recipients.map((g: { recipient: string; disclosures: unknown[] }) => [g.recipient, g.disclosures.length])).toEqual([['IT serviss SIA', 2], ['Partner SIA', 1]]);
    expect(report.recipients[0].kindLabel).toBe('apstrādātājs');
    expect((await lastAudit(IN, 'request.fulfilled')).details).toMatchObject({ withheld: [police] });
    const html = (await download(IN, r.reference, downloadsOf(done.body)['recipients-html'].id)).body;
    expect(html).toContain('Kas saņēma jūsu datus');
    expect(html).not.toContain('Valsts policija');
  });

  it('Softera states no exception: nothing may be withheld there', async () => {
    const s = await subject(SB, 'vytas@example.lt', 'Vytas V');
    const d = await disclosure(SB, s, 'clients', 'courts-and-authorities', 'Teismas', ['client-identity'], '2025-02-01T10:00:00Z');
    const r = await request(SB, 'recipients-in-period', s, { details: { period: { from: '2025-01-01', to: '2025-12-31' } } });
    const res = await fulfil(SB, r.reference, { withheldDisclosureIds: [d] });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('states no exception');
  });
});
