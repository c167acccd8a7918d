import { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue, QueueEvents } from 'bullmq';
import { workingDaysDeadline, type Register } from '@regula/engine';
import { QueueName } from '@regula/platform';
import { retentionDueFor } from '@regula/ingest';
import { ConsentEffectsService, consentEffectJobId } from '@regula/consent';
import { SUBJECTS_SCHEMA } from '@regula/subjects';
import { marketingRegister } from '@regula/tenants';
import { ON_RECEIPT, RequestRecordingService, WithdrawalOnReceipt } from '@regula/requests';
import { Harness, startApi } from './support/api-harness';
import { fulfilPreviewed } from './support/fulfil-previewed';
import { createStaff } from './support/staff';
import { startWorker, WorkerContext } from './support/worker-context';

/**
 * Consent-withdrawal effects on real PostgreSQL and Redis, at Inomedis
 * (whose notice promises to act "within three working days", clause 15: an
 * outer limit, not a waiting period). A withdrawal is applied at once, in
 * effect from its receipt (GDPR Art. 7(3)): the records tied to the consent
 * are restricted from the receipt, get the consent-withdrawn anchor and a
 * recomputed retention date, the source system gets consent.withdrawn, one
 * audit entry; twice changes nothing; the sweep applies a missed one; a
 * request fulfilled in Regula withdraws from its receipt and its job runs at
 * once; withdrawals stored with a delayed effect are set back to their
 * receipt; the real worker applies a job, and a withdrawal ingested through
 * the API is applied at once. Times are passed in (no wall clock decides).
 */
describe('consent effects', () => {
  let h: Harness;
  let effects: ConsentEffectsService;
  let queue: Queue;
  let tenantId: string;
  let apiKey: string;
  let systemId: string;
  let token: string;
  let n = 0;
  const reg = marketingRegister as unknown as Register;

  beforeAll(async () => {
    h = await startApi();
    [{ id: tenantId }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'inomedis'`);
    await createStaff(h.db.owner, 'admin@ino.test', { tenant: 'inomedis' });
    token = await h.login('admin@ino.test');
    const res = await h.http().post('/api/v1/tenants/inomedis/systems').set('Authorization', `Bearer ${token}`).send({ name: 'crm' });
    expect(res.status).toBe(201);
    apiKey = res.body.apiKey;
    [{ id: systemId }] = await h.db.owner.query(`SELECT id FROM source_systems WHERE tenant_id = $1 AND name = 'crm'`, [tenantId]);
    effects = h.app.get(ConsentEffectsService);
    queue = h.app.get<Queue>(getQueueToken(QueueName.Consent));
    await queue.obliterate({ force: true }).catch(() => undefined);
  });
  afterAll(async () => {
    await h?.close();
  });

  /** A client with contact data, survey answers and consent records in "marketing", and a consent to surveys (not withdrawn unless `withdrawnAt`). */
  async function client(withdrawnAt?: string) {
    const k = ++n;
    const subject = { kind: 'email', value: `client${k}@example.lv` };
    const rec = (category: string, value: unknown) => ({ externalId: `c${k}-${category}`, subject, register: 'marketing', category, value, collectedAt: '2025-05-10T09:00:00Z', anchors: { 'last-activity': '2025-06-01T12:00:00Z' } });
    const res = await h.http().post('/api/v1/ingest/inomedis/batch').set('Authorization', `Bearer ${apiKey}`).send({
      subjects: [{ externalRef: `crm-${k}`, identifiers: [subject], displayName: `Client ${k}`, locale: 'lv' }],
      records: [rec('contact', { email: subject.value }), rec('survey', { answer: 'yes' }), rec('consent-records', { given: '2025-05-10' })],
      consents: [{ externalId: `c${k}-consent`, subject, register: 'marketing', purpose: 'surveys-new-products', givenAt: '2025-05-10T09:00:00Z', channel: 'web-form', ...(withdrawnAt ? { withdrawnAt } : {}) }],
    });
    expect(res.status).toBe(200);
    const [consent] = await h.db.owner.query(`SELECT id, subject_id FROM consents WHERE external_id = $1`, [`c${k}-consent`]);
    return { consentId: consent.id as string, subjectId: consent.subject_id as string, k };
  }

  /** Withdraws as every writer does: in effect from the instant the withdrawal was received. */
  async function withdrawAt(consentId: string, at: Date) {
    await h.db.owner.query(`UPDATE consents SET withdrawn_at = $2, withdrawal_effective_at = $2 WHERE id = $1`, [consentId, at]);
    return at;
  }

  const records = (subjectId: string) =>
    h.db.owner.query(`SELECT category_id, anchors, retention_due_at, restricted_at, restriction_reason, collected_at FROM personal_data_records WHERE subject_id = $1 ORDER BY category_id`, [subjectId]);
  const webhooks = (consentId: string) => h.db.owner.query(`SELECT source_system_id, event, payload FROM webhook_deliveries WHERE payload::text LIKE '%' || $1 || '%' AND payload::text LIKE '%"applied": true%'`, [consentId]);
  const audits = (consentId: string) => h.db.owner.query(`SELECT action, actor, details FROM audit_log WHERE target_id = $1 AND action = 'consent.withdrawal-applied'`, [consentId]);

  it('a withdrawal applied at once: the tied records stop from its receipt, not three working days later; twice changes nothing', async () => {
    const c = await client();
    const receivedAt = new Date('2026-04-30T10:00:00Z'); // Thu; 1 and 4 May are Latvian holidays: the old delay ran to 6 May
    await withdrawAt(c.consentId, receivedAt);
    const before = await records(c.subjectId);

    // A minute after receipt, long before the promised third working day: applied.
    const now = new Date(receivedAt.getTime() + 60_000);
    expect(await effects.apply(tenantId, c.consentId, now)).toEqual({ status: 'applied', records: 2, notified: 1 });
    const after = await records(c.subjectId);
    const byCat = Object.fromEntries(after.map((r: { category_id: string }) => [r.category_id, r]));
    // Contact data: still needed for own offers (legitimate interest): untouched.
    expect(byCat.contact).toEqual(before.find((r: { category_id: string }) => r.category_id === 'contact'));
    for (const cat of ['survey', 'consent-records']) {
      const r = byCat[cat];
      expect(r.anchors['consent-withdrawn']).toBe(receivedAt.toISOString());
      expect(r.restricted_at).toEqual(receivedAt);
      expect(r.restriction_reason).toBe('consent withdrawn');
      const expected = retentionDueFor(reg, cat, r.collected_at, r.anchors, { timeZone: 'Europe/Riga' });
      expect(r.retention_due_at === null ? null : new Date(r.retention_due_at).toISOString()).toBe(expected === null ? null : expected.toISOString());
    }
    // Consent records are kept three years after the withdrawal to prove it.
    expect(new Date(byCat['consent-records'].retention_due_at).getTime()).toBeGreaterThan(receivedAt.getTime() + 2.9 * 365 * 24 * 3600_000);
    const hooks = await webhooks(c.consentId);
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ source_system_id: systemId, event: 'consent.withdrawn' });
    expect(hooks[0].payload.consents[0]).toMatchObject({ consentId: c.consentId, purposeId: 'surveys-new-products', effectiveAt: receivedAt.toISOString(), applied: true });
    expect(hooks[0].payload.consents[0].restrictedRecords.sort()).toEqual([`c${c.k}-consent-records`, `c${c.k}-survey`]);
    const audit = await audits(c.consentId);
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ purposeId: 'surveys-new-products', records: 2, categories: ['survey', 'consent-records'], effectiveAt: receivedAt.toISOString() });
    const [row] = await h.db.owner.query(`SELECT effect_applied_at FROM consents WHERE id = $1`, [c.consentId]);
    expect(row.effect_applied_at).toEqual(now);

    // Twice: nothing changes.
    expect(await effects.apply(tenantId, c.consentId, new Date(now.getTime() + 5000))).toEqual({ status: 'already-applied' });
    await effects.sweep(new Date(now.getTime() + 10 * 60_000));
    expect(await records(c.subjectId)).toEqual(after);
    expect(await webhooks(c.consentId)).toHaveLength(1);
    expect(await audits(c.consentId)).toHaveLength(1);
  });

  it('the sweep applies a withdrawal whose job was lost', async () => {
    const c = await client();
    const receivedAt = new Date('2026-05-12T08:00:00Z');
    await withdrawAt(c.consentId, receivedAt);
    const res = await effects.sweep(new Date(receivedAt.getTime() + 5 * 60_000));
    expect(res.applied).toBeGreaterThanOrEqual(1);
    const [row] = await h.db.owner.query(`SELECT effect_applied_at FROM consents WHERE id = $1`, [c.consentId]);
    expect(row.effect_applied_at).toBeInstanceOf(Date);
    expect((await records(c.subjectId)).filter((r: { restricted_at: Date | null }) => r.restricted_at?.getTime() === receivedAt.getTime())).toHaveLength(2);
    expect(await audits(c.consentId)).toHaveLength(1);
  });

  it('a consent-withdrawal request fulfilled in Regula withdraws from its receipt and adds the effect job at once; the three working days are only the outer limit', async () => {
    const c = await client();
    const receivedAt = new Date(Date.now() - 3600_000);
    const [req] = await h.db.owner.query(
      `INSERT INTO rights_requests (tenant_id, reference, type, state, subject_id, requester_email, requester_name, locale, details, received_at,
         due_at, due_date, first_due_at, identity_method, identity_verified_at, email_verified_at, status_token_hash)
       VALUES ($1, 'R-CWCW-2345', 'consent-withdrawal', 'in-progress', $2, 'client@example.lv', 'Client', 'lv', '{}'::jsonb, $3, $4, $5, $4, 'email-link', $3, $3, $6) RETURNING id`,
      [tenantId, c.subjectId, receivedAt, new Date(receivedAt.getTime() + 30 * 24 * 3600_000), new Date(receivedAt.getTime() + 30 * 24 * 3600_000).toISOString().slice(0, 10), 'a'.repeat(64)],
    );
    const res = await fulfilPreviewed(h.http, 'inomedis', 'R-CWCW-2345', token);
    expect(res.status).toBe(200);
    const limit = workingDaysDeadline({ country: 'LV', timeZone: 'Europe/Riga', received: receivedAt }, 3);
    expect(res.body.outcome).toMatchObject({
      withdrawnAt: receivedAt.toISOString(),
      effectiveAt: receivedAt.toISOString(),
      carryOutBy: { dueDate: limit.dueDate, dueAt: limit.dueAt.toISOString(), workingDays: 3, kept: true },
    });
    expect(res.body.outcome).not.toHaveProperty('deadline');
    const [stored] = await h.db.owner.query(`SELECT state FROM rights_requests WHERE id = $1`, [req.id]);
    expect(stored.state).toBe('completed');
    // The consent is withdrawn in effect from the receipt, and its systems were told so in the same transaction.
    const [consent] = await h.db.owner.query(`SELECT withdrawn_at, withdrawal_effective_at FROM consents WHERE id = $1`, [c.consentId]);
    expect(consent).toEqual({ withdrawn_at: receivedAt, withdrawal_effective_at: receivedAt });
    const told = await h.db.owner.query(`SELECT payload FROM webhook_deliveries WHERE event = 'consent.withdrawn' AND payload::text LIKE '%' || $1 || '%'`, [c.consentId]);
    expect(told.length).toBeGreaterThanOrEqual(1);
    expect(told[0].payload.consents[0]).toMatchObject({ withdrawnAt: receivedAt.toISOString(), effectiveAt: receivedAt.toISOString() });
    // The effect job is added after the commit, undelayed.
    let job = await queue.getJob(consentEffectJobId(c.consentId, receivedAt));
    for (let i = 0; i < 30 && !job; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = await queue.getJob(consentEffectJobId(c.consentId, receivedAt));
    }
    expect(job?.data).toEqual({ tenantId, consentId: c.consentId });
    expect(job!.delay ?? 0).toBe(0);
    // Applied now, with the records restricted from the receipt.
    expect(await effects.apply(tenantId, c.consentId, new Date(receivedAt.getTime() + 2 * 3600_000))).toMatchObject({ status: 'applied', records: 2 });
    expect((await records(c.subjectId)).filter((r: { restricted_at: Date | null }) => r.restricted_at?.getTime() === receivedAt.getTime())).toHaveLength(2);
  });

  it('a withdrawal whose sender is known is carried out on receipt, without an admin: recorded from a signed letter, the consents are withdrawn from the letter\'s arrival', async () => {
    const c = await client();
    const [{ id: adminId }] = await h.db.owner.query(`SELECT id FROM users WHERE email = 'admin@ino.test'`);
    const arrived = new Date(Date.now() - 2 * 24 * 3600_000);
    const { requests: [recorded] } = await h.app.get(RequestRecordingService).record(
      tenantId,
      { channel: 'post', receivedAt: arrived, name: `Client ${c.k}`, email: `client${c.k}@example.lv`, types: ['consent-withdrawal'], locale: 'lv', identityNote: 'Parakstīta vēstule' },
      { userId: adminId, label: 'admin@ino.test' },
    );
    // Carried out after the recording's commit (a domain event): wait for it, bounded.
    let state = '';
    for (let i = 0; i < 50 && state !== 'completed'; i++) {
      [{ state }] = await h.db.owner.query(`SELECT state FROM rights_requests WHERE reference = $1`, [recorded.reference]);
      if (state !== 'completed') await new Promise((r) => setTimeout(r, 100));
    }
    expect(state).toBe('completed');
    const [consent] = await h.db.owner.query(`SELECT withdrawn_at, withdrawal_effective_at FROM consents WHERE id = $1`, [c.consentId]);
    expect(consent).toEqual({ withdrawn_at: arrived, withdrawal_effective_at: arrived });
    // Through a preview and its confirmation, both kept on the request, "system" acting; audited as such.
    const plans = await h.db.owner.query(`SELECT previewed_by, confirmed_by FROM request_fulfilment_plans p JOIN rights_requests r ON r.id = p.request_id WHERE r.reference = $1`, [recorded.reference]);
    expect(plans).toEqual([{ previewed_by: 'system', confirmed_by: 'system' }]);
    const [audit] = await h.db.owner.query(`SELECT actor, actor_id FROM audit_log WHERE action = 'request.fulfilled' AND details->>'reference' = $1`, [recorded.reference]);
    expect(audit).toEqual({ actor: ON_RECEIPT.name, actor_id: null });
  });

  it('a withdrawal Regula cannot match to a data subject waits for the admin', async () => {
    const [{ id: adminId }] = await h.db.owner.query(`SELECT id FROM users WHERE email = 'admin@ino.test'`);
    const { requests: [recorded] } = await h.app.get(RequestRecordingService).record(
      tenantId,
      { channel: 'post', receivedAt: new Date(Date.now() - 3600_000), name: 'Nobody Known', email: 'nobody.known@example.lv', types: ['consent-withdrawal'], locale: 'lv', identityNote: 'Parakstīta vēstule' },
      { userId: adminId, label: 'admin@ino.test' },
    );
    const [{ id }] = await h.db.owner.query(`SELECT id FROM rights_requests WHERE reference = $1`, [recorded.reference]);
    // What the event's handler decides, asked directly: nothing to carry out without a subject.
    expect(await h.app.get(WithdrawalOnReceipt).consider(tenantId, id)).toBe(false);
    const [row] = await h.db.owner.query(`SELECT state, subject_id FROM rights_requests WHERE reference = $1`, [recorded.reference]);
    expect(row).toEqual({ state: 'in-progress', subject_id: null });
    // The REST detail gives the controller's promised outer limit (clause 15), counted from receipt in Latvian working days.
    const detail = await h.http().get(`/api/v1/tenants/inomedis/requests/${recorded.reference}`).set('Authorization', `Bearer ${token}`);
    expect(detail.status).toBe(200);
    const limit = workingDaysDeadline({ country: 'LV', timeZone: 'Europe/Riga', received: new Date(detail.body.request.receivedAt) }, 3);
    expect(detail.body.withdrawalLimit).toMatchObject({ workingDays: 3, dueDate: limit.dueDate, passed: false });
    expect(await h.db.owner.query(`SELECT 1 FROM request_fulfilment_plans p JOIN rights_requests r ON r.id = p.request_id WHERE r.reference = $1`, [recorded.reference])).toEqual([]);
  });

  it('withdrawals stored with a delayed effect before this change are set back to their receipt and applied by the sweep', async () => {
    const [pending, applied] = [await client(), await client()];
    const receivedAt = new Date('2026-06-01T09:00:00Z');
    const delayed = workingDaysDeadline({ country: 'LV', timeZone: 'Europe/Riga', received: receivedAt }, 3).dueAt;
    for (const c of [pending, applied]) {
      await h.db.owner.query(`UPDATE consents SET withdrawn_at = $2, withdrawal_effective_at = $3 WHERE id = $1`, [c.consentId, receivedAt, delayed]);
    }
    await h.db.owner.query(`UPDATE consents SET effect_applied_at = $2 WHERE id = $1`, [applied.consentId, delayed]);
    const runner = h.db.owner.createQueryRunner();
    try {
      const Migration = SUBJECTS_SCHEMA.migrations.find((m) => m.name === 'ConsentWithdrawalsEffectiveAtReceipt1764550000000')!;
      await new Migration().up(runner);
    } finally {
      await runner.release();
    }
    const rows = await h.db.owner.query(`SELECT id, withdrawal_effective_at FROM consents WHERE id = ANY($1::uuid[])`, [[pending.consentId, applied.consentId]]);
    const effective = Object.fromEntries(rows.map((r: { id: string; withdrawal_effective_at: Date }) => [r.id, r.withdrawal_effective_at.toISOString()]));
    expect(effective).toEqual({ [pending.consentId]: receivedAt.toISOString(), [applied.consentId]: delayed.toISOString() });
    await effects.sweep(new Date('2026-06-01T09:05:00Z'));
    expect((await records(pending.subjectId)).filter((r: { restricted_at: Date | null }) => r.restricted_at?.getTime() === receivedAt.getTime())).toHaveLength(2);
  });

  describe('through the real worker', () => {
    let ctx: WorkerContext;
    let worker: INestApplicationContext;
    let events: QueueEvents;
    beforeAll(async () => {
      ctx = await startWorker(h, QueueName.Consent);
      ({ worker, events } = ctx);
    });
    afterAll(() => ctx?.close());

    it('schedules the sweep every 5 minutes under one fixed id', async () => {
      const schedulers = await worker.get<Queue>(getQueueToken(QueueName.Consent)).getJobSchedulers();
      expect(schedulers.map((s) => [s.key, s.every])).toEqual([['consent-sweep-5m', 300000]]);
    });

    it('a consent-effect job applies the withdrawal', async () => {
      const c = await client();
      const effectiveAt = await withdrawAt(c.consentId, new Date(Date.now() - 8 * 24 * 3600_000));
      const job = await queue.add('consent-effect', { tenantId, consentId: c.consentId }, { jobId: `${consentEffectJobId(c.consentId, effectiveAt)}-test` });
      const result = await job.waitUntilFinished(events, 20000);
      expect(['applied', 'already-applied']).toContain(result.status); // the worker's own first sweep may have been quicker
      expect(await audits(c.consentId)).toHaveLength(1);
      expect((await records(c.subjectId)).filter((r: { restriction_reason: string | null }) => r.restriction_reason === 'consent withdrawn')).toHaveLength(2);
    });

    it('a withdrawal ingested through the API is applied at once', async () => {
      const c = await client(new Date(Date.now() - 60_000).toISOString());
      for (let i = 0; i < 100; i++) {
        const [row] = await h.db.owner.query(`SELECT effect_applied_at FROM consents WHERE id = $1`, [c.consentId]);
        if (row.effect_applied_at) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const [row] = await h.db.owner.query(`SELECT effect_applied_at FROM consents WHERE id = $1`, [c.consentId]);
      expect(row.effect_applied_at).toBeInstanceOf(Date);
      expect(await audits(c.consentId)).toHaveLength(1);
      expect(await webhooks(c.consentId)).toHaveLength(1);
    });
  });
});
