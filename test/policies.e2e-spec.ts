import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lintController } from '@regula/engine';
import { seed000AsPublished } from '@regula/engine/testing';
import { AuditService } from '@regula/audit';
import { QueueName } from '@regula/platform';
import { TenantSyncService } from '@regula/registers';
import { PolicyAnnouncerService, PolicyChangeSummaries1764300000000 } from '@regula/policies';
import { findTenant } from '@regula/tenants';
import { Harness, startApi } from './support/api-harness';
import { createStaff } from './support/staff';
import { insertRawTenant } from './support/raw-tenant';
import { startWorker } from './support/worker-context';
import { confirmAllFacts } from './support/demo-tenant';

/**
 * Privacy-policy versions through the API on real PostgreSQL and Redis:
 * draft, preview, publish (numbered, hashed, audited, immutable), refusal of
 * seed 000's incomplete notice, a diff between versions, consents marked for
 * renewal when their purpose's text changed, and the material-change e-mail
 * to account holders, sent once.
 */
describe('policy versions', () => {
  let h: Harness;
  let admin: string;
  let auditor: string;
  const sync = new TenantSyncService(new AuditService());
  const auth = (t: string) => ({ Authorization: `Bearer ${t}` });

  beforeAll(async () => {
    h = await startApi();
    await createStaff(h.db.owner, 'admin@ino.test', { tenant: 'inomedis' });
    await createStaff(h.db.owner, 'auditor@ino.test', { tenant: 'inomedis', role: 'auditor' });
    admin = await h.login('admin@ino.test');
    auditor = await h.login('auditor@ino.test');
    await h.app.get<Queue>(getQueueToken(QueueName.Policy)).obliterate({ force: true }).catch(() => undefined);
    await confirmAllFacts(h.db.owner, 'inomedis');
  });
  afterAll(async () => {
    await h?.close();
  });

  async function draftAndPublish(token: string, body: Record<string, unknown>) {
    const draft = await h.http().post('/api/v1/tenants/inomedis/policies/drafts').set(auth(token));
    expect(draft.status).toBe(201);
    return { draft: draft.body, res: await h.http().post(`/api/v1/tenants/inomedis/policies/drafts/${draft.body.id}/publish`).set(auth(token)).send(body) };
  }

  it('a draft rendered from the registers in the database reads exactly like the golden files of every tenant and language', async () => {
    for (const slug of ['medical-management', 'softera-baltic', 'micromedic', 'inomedis']) {
      await createStaff(h.db.owner, `golden@${slug}.test`, { tenant: slug });
      const token = await h.login(`golden@${slug}.test`);
      // The draft reads like the golden file; until a person confirms what Regula assumed (and states
      // what nobody did), only that blocks it.
      const draft = await h.http().post(`/api/v1/tenants/${slug}/policies/drafts`).set(auth(token));
      expect(draft.body.problems.filter((p: { code: string }) => p.code !== 'unconfirmed-fact' && p.code !== 'lint-error')).toEqual([]);
      for (const lang of draft.body.languages as string[]) {
        const preview = await h.http().get(`/api/v1/tenants/${slug}/policies/drafts/current/preview?lang=${lang}`).set(auth(token));
        const golden = readFileSync(path.join(__dirname, '..', 'libs', 'policies', 'src', '__golden__', `${slug}.${lang}.html`), 'utf8');
        expect({ slug, lang, same: preview.text === golden }).toEqual({ slug, lang, same: true });
      }
      await confirmAllFacts(h.db.owner, slug);
      const confirmed = await h.http().post(`/api/v1/tenants/${slug}/policies/drafts`).set(auth(token));
      expect(confirmed.body.problems).toEqual([]);
      // Keeping a value changes no word; only a stated value (Softera's address) does.
      if (slug !== 'softera-baltic') expect(confirmed.body.contentHash).toBe(draft.body.contentHash);
    }
  });

  it('publishes version 1 from the registers: numbered, hashed, in every language, audited, and immutable', async () => {
    await confirmAllFacts(h.db.owner, 'inomedis');
    const { draft, res } = await draftAndPublish(admin, { changeSummary: { en: 'First version.', lv: 'Pirmā versija.' }, material: false });
    expect(draft.problems).toEqual([]);
    expect(res.status).toBe(201);
    const v = res.body.version;
    expect(v).toMatchObject({
      number: 1, status: 'published', languages: ['en', 'lv'], material: false, author: 'admin@ino.test (compliance-admin)',
      changeSummary: { en: 'First version.', lv: 'Pirmā versija.' }, changeSummaryLegacy: false,
    });
    expect(v.effectiveDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const full = await h.http().get('/api/v1/tenants/inomedis/policies/1').set(auth(auditor));
    expect(full.status).toBe(200);
    expect(full.body.content.lv.html).toContain('<article class="privacy-notice" lang="lv">');
    expect(full.body.content.en.html).toContain('Inomedis Aesthetic Group');
    const hash = createHash('sha256').update(['en', 'lv'].map((l) => `${l}\n${full.body.content[l].html}`).join('\n\u0000\n')).digest('hex');
    expect(full.body.contentHash).toBe(hash);

    const [audit] = await h.db.owner.query(`SELECT actor, details FROM audit_log WHERE action = 'policy.published' AND target_id = $1`, [v.id]);
    expect(audit.actor).toBe('admin@ino.test (compliance-admin)');
    expect(audit.details).toMatchObject({ number: 1, contentHash: hash });

    // Published is final: not even the schema owner can change or delete it.
    await expect(h.db.owner.query(`UPDATE policy_versions SET change_summary = '{"en": "rewritten", "lv": "pārrakstīts"}' WHERE id = $1`, [v.id])).rejects.toThrow(/published and cannot be changed/);
    await expect(h.db.owner.query(`DELETE FROM policy_versions WHERE id = $1`, [v.id])).rejects.toThrow(/published and cannot be changed/);
  });

  it('the preview flags a draft identical to the version in force; publishing it is refused, and auditors are refused', async () => {
    const draft = await h.http().post('/api/v1/tenants/inomedis/policies/drafts').set(auth(admin));
    const preview = await h.http().post(`/api/v1/tenants/inomedis/policies/drafts/${draft.body.id}/publish/preview`).set(auth(admin)).send({ material: false });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ identicalTo: 1, previousNumber: 1, number: 2, draftHash: draft.body.contentHash, banners: null, emails: null, consentsToRenew: 0 });
    expect(preview.body.proposedEffectiveDate).toBe(preview.body.today);
    const byAuditorPreview = await h.http().post(`/api/v1/tenants/inomedis/policies/drafts/${draft.body.id}/publish/preview`).set(auth(auditor)).send({ material: false });
    expect(byAuditorPreview.status).toBe(403);

    const { res } = await draftAndPublish(admin, { changeSummary: { en: 'Nothing really.', lv: 'Nekas īsti.' }, material: false });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/nothing changed since version 1/);
    const byAuditor = await h.http().post('/api/v1/tenants/inomedis/policies/drafts').set(auth(auditor));
    expect(byAuditor.status).toBe(403);
  });

  it('validates the publish request', async () => {
    const draft = await h.http().post('/api/v1/tenants/inomedis/policies/drafts').set(auth(admin));
    const res = await h.http().post(`/api/v1/tenants/inomedis/policies/drafts/${draft.body.id}/publish`).set(auth(admin)).send({ material: 'yes', effectiveDate: '2020-13-01', extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.message.join(' ')).toMatch(/changeSummary/);
    expect(res.body.message.join(' ')).toMatch(/material must be true or false/);
    expect(res.body.message.join(' ')).toMatch(/effectiveDate must be a date/);
    const past = await h.http().post(`/api/v1/tenants/inomedis/policies/drafts/${draft.body.id}/publish`).set(auth(admin)).send({ changeSummary: { en: 'Backdated', lv: 'Ar atpakaļejošu datumu' }, material: false, effectiveDate: '2020-01-01' });
    expect(past.status).toBe(400);
    expect(JSON.stringify(past.body.message)).toMatch(/must not be in the past/);
    // One string for every language is refused: each language's readers get their own text.
    const oneString = await h.http().post(`/api/v1/tenants/inomedis/policies/drafts/${draft.body.id}/publish`).set(auth(admin)).send({ changeSummary: 'Only one text', material: false });
    expect(oneString.status).toBe(400);
    expect(oneString.body.message.join(' ')).toMatch(/changeSummary must be one text per published language/);
  });

  it('refuses publishing while a published language has no summary, naming each missing language as a field', async () => {
    const draft = await h.http().post('/api/v1/tenants/inomedis/policies/drafts').set(auth(admin));
    const send = (changeSummary: unknown) => h.http().post(`/api/v1/tenants/inomedis/policies/drafts/${draft.body.id}/publish`).set(auth(admin)).send({ changeSummary, material: false });
    const english = await send({ en: 'Only in English.' });
    expect(english.status).toBe(400);
    expect(english.body.message).toEqual([expect.stringMatching(/^changeSummary\.lv is missing/)]);
    const blank = await send({ en: 'In English.', lv: '   ' });
    expect(blank.body.message).toEqual([expect.stringMatching(/^changeSummary\.lv is missing/)]);
    const extra = await send({ en: 'In English.', lv: 'Latviski.', et: 'Eesti keeles.' });
    expect(extra.status).toBe(400);
    expect(extra.body.message).toEqual([expect.stringMatching(/^changeSummary\.et: the policy is not published in 'et'/)]);
    const preview = await h.http().post(`/api/v1/tenants/inomedis/policies/drafts/${draft.body.id}/publish/preview`).set(auth(admin)).send({ material: false, changeSummary: { en: 'Only in English.' } });
    expect(preview.body.summaryProblems).toEqual([expect.stringMatching(/^changeSummary\.lv is missing/)]);
    const [{ c }] = await h.db.owner.query(`SELECT count(*)::int AS c FROM policy_versions WHERE status = 'published'`);
    expect(c).toBe(1);
  });

  it('a changed purpose: version 2 is material, consents given for it are marked for renewal, account holders are e-mailed once, the diff shows the words', async () => {
    // A client (an account holder: a live record in "clients") who consented to surveys.
    const sys = await h.http().post('/api/v1/tenants/inomedis/systems').set(auth(admin)).send({ name: 'crm' });
    const subject = { kind: 'email', value: 'liene@example.lv' };
    // Two more account holders (one reads English, one has no language: the tenant's own, Latvian), and a
    // subject with only a marketing record, who holds no account and is not e-mailed.
    const john = { kind: 'email', value: 'john@example.com' };
    const anna = { kind: 'email', value: 'anna@example.lv' };
    const marta = { kind: 'email', value: 'marta@example.lv' };
    const rec = (register: string, category: string, who = subject) => ({ externalId: `${register}-${category}-${who.value}`, subject: who, register, category, value: { x: 1 }, collectedAt: '2026-05-10T09:00:00Z' });
    const ingest = await h.http().post('/api/v1/ingest/inomedis/batch').set(auth(sys.body.apiKey)).send({
      subjects: [
        { externalRef: 'crm-1', identifiers: [subject], displayName: 'Liene', locale: 'lv' },
        { externalRef: 'crm-2', identifiers: [john], displayName: 'John', locale: 'en' },
        { externalRef: 'crm-3', identifiers: [anna], displayName: 'Anna' },
        { externalRef: 'crm-4', identifiers: [marta], displayName: 'Marta', locale: 'lv' },
      ],
      records: [rec('clients', 'identity-contact'), rec('marketing', 'contact'), rec('clients', 'identity-contact', john), rec('clients', 'identity-contact', anna), rec('marketing', 'contact', marta)],
      consents: [
        { externalId: 'consent-surveys', subject, register: 'marketing', purpose: 'surveys-new-products', givenAt: '2026-05-10T09:00:00Z', channel: 'web-form', policyVersion: '1' },
        { externalId: 'consent-offers', subject, register: 'marketing', purpose: 'partner-offers', givenAt: '2026-05-10T09:00:00Z', channel: 'web-form', policyVersion: '1' },
      ],
    });
    if (ingest.status !== 200) throw new Error(JSON.stringify(ingest.body));

    // The surveys purpose is reworded in the registers.
    const def = structuredClone(findTenant('inomedis')!);
    const marketing = def.registers.find((r) => r.id === 'marketing')!;
    const surveys = marketing.purposes.find((p) => p.id === 'surveys-new-products')!;
    surveys.description = { en: 'We ask for your opinion of new products and of our partners\' products.', lv: 'Mēs jautājam jūsu viedokli par jauniem produktiem un mūsu partneru produktiem.' };
    await h.db.owner.transaction((em) => sync.sync(em, def, 'test'));
    await confirmAllFacts(h.db.owner, 'inomedis'); // a reworded assumed fact is assumed again until confirmed

    // First the preview: who will be told and how, before anything is done.
    const draft = await h.http().post('/api/v1/tenants/inomedis/policies/drafts').set(auth(admin));
    const preview = await h.http().post(`/api/v1/tenants/inomedis/policies/drafts/${draft.body.id}/publish/preview`).set(auth(admin)).send({ material: true });
    expect(preview.status).toBe(200);
    const [{ today, proposed }] = await h.db.owner.query(
      `SELECT to_char((now() AT TIME ZONE 'Europe/Riga')::date, 'YYYY-MM-DD') AS today, to_char((now() AT TIME ZONE 'Europe/Riga')::date + 30, 'YYYY-MM-DD') AS proposed`,
    );
    expect(preview.body).toMatchObject({
      number: 2, identicalTo: null, stale: false, problems: 0, material: true, today, noticeDays: 30, proposedEffectiveDate: proposed, effectiveDate: proposed, shortNotice: false,
      banners: { places: ['public-pages', 'sign-in', 'dashboard'] },
      emails: { total: 3, byLanguage: { lv: 2, en: 1 } },
      changedPurposes: ['marketing/surveys-new-products'], consentsToRenew: 1, draftHash: draft.body.contentHash,
    });
    const soon = await h.http().post(`/api/v1/tenants/inomedis/policies/drafts/${draft.body.id}/publish/preview`).set(auth(admin)).send({ material: true, effectiveDate: today });
    expect(soon.body).toMatchObject({ effectiveDate: today, shortNotice: true });
    // The preview wrote nothing: no consent marked, no version.
    const [{ marked }] = await h.db.owner.query(`SELECT count(*)::int AS marked FROM consents WHERE renewal_required_at IS NOT NULL`);
    expect(marked).toBe(0);
    const wrongHash = await h.http().post(`/api/v1/tenants/inomedis/policies/drafts/${draft.body.id}/publish`).set(auth(admin))
      .send({ changeSummary: { en: 'x y z', lv: 'x y z' }, material: true, draftHash: 'a'.repeat(64) });
    expect(wrongHash.status).toBe(409);
    expect(wrongHash.body.message).toMatch(/the draft changed after it was reviewed/);

    const res = await h.http().post(`/api/v1/tenants/inomedis/policies/drafts/${draft.body.id}/publish`).set(auth(admin)).send({
      changeSummary: { en: 'Surveys now also cover partners\' products.', lv: 'Aptaujas tagad aptver arī partneru produktus.' },
      material: true,
      draftHash: preview.body.draftHash,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ changedPurposes: ['marketing/surveys-new-products'], consentsMarkedForRenewal: 1, announcementScheduled: true, version: { number: 2, material: true } });

    const consents = await h.db.owner.query(`SELECT purpose_id, renewal_required_at, renewal_policy_version FROM consents WHERE external_id LIKE 'consent-%' ORDER BY purpose_id`);
    expect(consents.map((c: { purpose_id: string; renewal_policy_version: number | null }) => [c.purpose_id, c.renewal_policy_version])).toEqual([['partner-offers', null], ['surveys-new-products', 2]]);

    // The CRM that reported the consent is told to ask for it again.
    const [hook] = await h.db.owner.query(`SELECT event, payload FROM webhook_deliveries WHERE event = 'consent.renewal-required'`);
    expect(hook.payload).toEqual({ policyVersion: 2, consents: [{ consentId: expect.any(String), externalId: 'consent-surveys', register: 'marketing', purpose: 'surveys-new-products' }] });

    const job = await h.app.get<Queue>(getQueueToken(QueueName.Policy)).getJob(`policy-announce-${res.body.version.id}`);
    expect(job?.data).toEqual({ tenantId: expect.any(String), versionId: res.body.version.id });

    // The real worker runs the job: one e-mail, in Latvian, with the links; running it again sends nothing.
    const worker = await startWorker(h, QueueName.Policy);
    try {
      expect(await job!.waitUntilFinished(worker.events, 20_000)).toEqual({ sent: 3 });
    } finally {
      await worker.close();
    }
    expect(await h.app.get(PolicyAnnouncerService).announce(job!.data.tenantId, res.body.version.id)).toEqual({ sent: 0 });
    const all = await h.db.owner.query(`SELECT to_address, locale, subject, body_text FROM outbox_emails WHERE template = 'policy-changed' ORDER BY to_address`);
    // As many e-mails in each language as the preview said.
    expect(all.map((m: { to_address: string; locale: string }) => [m.to_address, m.locale])).toEqual([['anna@example.lv', 'lv'], ['john@example.com', 'en'], ['liene@example.lv', 'lv']]);
    const english = all.find((m: { locale: string }) => m.locale === 'en');
    expect(english.body_text).toContain('Surveys now also cover partners\' products.');
    expect(english.body_text).not.toContain('Aptaujas');
    const mails = all.filter((m: { to_address: string }) => m.to_address === 'liene@example.lv');
    expect(mails[0]).toMatchObject({ to_address: 'liene@example.lv', locale: 'lv' });
    expect(mails[0].subject).toMatch(/privātuma politika mainās/);
    expect(mails[0].body_text).toContain('/t/inomedis/privacy/diff?from=1&to=2&lang=lv');
    // The Latvian e-mail tells what changed in Latvian, and only in Latvian.
    expect(mails[0].body_text).toContain('Aptaujas tagad aptver arī partneru produktus.');
    expect(mails[0].body_text).not.toContain('partners\' products');

    const list = await h.http().get('/api/v1/tenants/inomedis/policies').set(auth(auditor));
    expect(list.body.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    expect(list.body.announcement).toMatchObject({ number: 2, material: true });

    const diff = await h.http().get('/api/v1/tenants/inomedis/policies/diff?from=1&to=2&lang=en').set(auth(auditor));
    expect(diff.status).toBe(200);
    const changed = diff.body.diff.sections.filter((s: { status: string }) => s.status !== 'unchanged');
    expect(changed.map((s: { id: string }) => s.id)).toEqual(['purposes-and-bases']);
    const words = JSON.stringify(changed[0].blocks);
    expect(words).toContain('partners');
  });

  it('refuses to publish seed 000 (the portal notice with empty sections) and publishes nothing', async () => {
    const def = { ...seed000AsPublished(), slug: 'baltic-lasers-portal' };
    await insertRawTenant(h.db.owner, def);
    await createStaff(h.db.owner, 'admin@portal.test', { tenant: 'baltic-lasers-portal' });
    const token = await h.login('admin@portal.test');
    const draft = await h.http().post('/api/v1/tenants/baltic-lasers-portal/policies/drafts').set(auth(token));
    expect(draft.status).toBe(201);
    const empty = [...new Set(draft.body.problems.filter((p: { code: string }) => p.code === 'empty-section').map((p: { section: string }) => p.section))].sort();
    expect(empty).toEqual(['cookies', 'data-and-subjects', 'purposes-and-bases', 'recipients', 'retention', 'rights']);
    const preview = await h.http().get('/api/v1/tenants/baltic-lasers-portal/policies/drafts/current/preview?lang=en').set(auth(token));
    expect(preview.status).toBe(200);
    const res = await h.http().post(`/api/v1/tenants/baltic-lasers-portal/policies/drafts/${draft.body.id}/publish`).set(auth(token)).send({ changeSummary: { en: 'Portal notice' }, material: false });
    expect(res.status).toBe(422);
    expect(res.body.problems.length).toBe(draft.body.problems.length);
    const list = await h.http().get('/api/v1/tenants/baltic-lasers-portal/policies').set(auth(token));
    expect(list.body.versions).toEqual([]);
  });

  it('a draft made before the registers changed cannot be published', async () => {
    const draft = await h.http().post('/api/v1/tenants/inomedis/policies/drafts').set(auth(admin));
    const def = structuredClone(findTenant('inomedis')!);
    def.registers.find((r) => r.id === 'marketing')!.purposes.find((p) => p.id === 'own-offers')!.description.en = 'Offers of our own services, by e-mail and text message.';
    await h.db.owner.transaction((em) => sync.sync(em, def, 'test'));
    const res = await h.http().post(`/api/v1/tenants/inomedis/policies/drafts/${draft.body.id}/publish`).set(auth(admin)).send({ changeSummary: { en: 'x y z', lv: 'x y z' }, material: false });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/registers changed after this draft/);
  });

  it('the migration to per-language summaries keeps an older single summary as the English entry, marked so, and published versions stay immutable', async () => {
    // Back to one text per version (as before the migration), then forward again.
    const migration = new PolicyChangeSummaries1764300000000();
    const qr = h.db.owner.createQueryRunner();
    await qr.startTransaction();
    try {
      await migration.down(qr);
      const [old] = await qr.query(`SELECT change_summary FROM policy_versions WHERE number = 1 AND status = 'published' AND tenant_id = (SELECT id FROM tenants WHERE slug = 'inomedis')`);
      expect(old.change_summary).toBe('First version.');
      await migration.up(qr);
      await qr.commitTransaction();
    } catch (e) {
      await qr.rollbackTransaction();
      throw e;
    } finally {
      await qr.release();
    }
    const v1 = await h.http().get('/api/v1/tenants/inomedis/policies/1').set(auth(auditor));
    expect(v1.body).toMatchObject({ changeSummary: { en: 'First version.' }, changeSummaryLegacy: true });
    // A Latvian reader gets no summary rather than the English one.
    const lv = await h.http().get('/t/inomedis/privacy/versions?lang=lv');
    expect(lv.status).toBe(200);
    expect(lv.text).not.toContain('First version.');
    expect((await h.http().get('/t/inomedis/privacy/versions?lang=en')).text).toContain('First version.');
    // The trigger is back on.
    await expect(h.db.owner.query(`UPDATE policy_versions SET material = NOT material WHERE number = 1`)).rejects.toThrow(/published and cannot be changed/);
  });
  it('warns about each flaw of Inomedis\'s notice on the corrected definition, and refuses a planted uncorrected flaw with 422, publishing nothing (last: it leaves the flaw planted)', async () => {
    // The definition states the corrected facts; each flaw of the notice is a warning, none an error.
    const findings = lintController(findTenant('inomedis')!);
    expect(findings.filter((f) => f.severity === 'error' && f.code !== 'art13-unknown')).toEqual([]);
    expect(findings.filter((f) => f.severity === 'warning').map((f) => `${f.code} ${f.path}`)).toEqual(expect.arrayContaining([
      'notice-basis-unfit-for-purpose registers[video-surveillance].purposes[safety].legalBases[0].citedInNotice',
      expect.stringMatching(/^notice-right-narrowed rights\[\d+\]\.limitedTo$/),
      'notice-request-form-disproportionate requests.identity.perRight.A20',
    ]));
    expect(findings.filter((f) => f.code === 'notice-right-narrowed')).toHaveLength(3);

    // The notice's vital interests for video surveillance, planted back uncorrected: publishing is refused.
    const versionsBefore = (await h.http().get('/api/v1/tenants/inomedis/policies').set(auth(auditor))).body.versions.length;
    const planted = structuredClone(findTenant('inomedis')!);
    const basis = planted.registers.find((r) => r.id === 'video-surveillance')!.purposes[0].legalBases[0];
    basis.article = '6(1)(d)';
    delete basis.citedInNotice;
    delete basis.legitimateInterest;
    basis.description = { lv: 'Apstrāde ir nepieciešama, lai aizsargātu datu subjekta vai citas fiziskas personas vitālas intereses.', en: 'The processing is necessary to protect the vital interests of the data subject or of another natural person.' };
    basis.ref = basis.ref.filter((r) => r.provenance !== 'corrected');
    await h.db.owner.transaction((em) => sync.sync(em, planted, 'test: planted flaw'));
    await confirmAllFacts(h.db.owner, 'inomedis');
    const { draft, res } = await draftAndPublish(admin, { changeSummary: { en: 'As the notice stands.', lv: 'Kā paziņojumā.' }, material: false });
    const messages = draft.problems.map((p: { message: string }) => p.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(/^basis-unfit-for-purpose at registers\[video-surveillance\]\.purposes\[safety\]\.legalBases\[0\]\.article: /)]));
    expect(res.status).toBe(422);
    expect((await h.http().get('/api/v1/tenants/inomedis/policies').set(auth(auditor))).body.versions).toHaveLength(versionsBefore);
  });
});
