import { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue, QueueEvents } from 'bullmq';
import { workingDaysDeadline, type Register } from '@regula/engine';
import { QueueName } from '@regula/platform';
import { retentionDueFor } from '@regula/ingest';
import { ConsentEffectsService, consentEffectJobId } from '@regula/consent';
import { marketingRegister } from '@regula/tenants';
import { Harness, startApi } from './support/api-harness';
import { fulfilPreviewed } from './support/fulfil-previewed';
import { createStaff } from './support/staff';
import { startWorker, WorkerContext } from './support/worker-context';

/**
 * Delayed consent-withdrawal effects on real PostgreSQL and Redis, at
 * Inomedis (effect within three working days): nothing before the date; on
 * the date the records tied to the consent are restricted, get the
 * consent-withdrawn anchor and a recomputed retention date, the source
 * system gets consent.withdrawn, one audit entry; twice changes nothing; the
 * sweep applies a missed one; the real worker applies a job, and an
 * immediate withdrawal ingested through the API is applied at once.
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

  /** Withdraws as the consent-withdrawal fulfilment does: withdrawn now, effective in three Latvian working days. */
  async function withdrawIn3WorkingDays(consentId: string, at: Date) {
    const effectiveAt = workingDaysDeadline({ country: 'LV', timeZone: 'Europe/Riga', received: at }, 3).dueAt;
    await h.db.owner.query(`UPDATE consents SET withdrawn_at = $2, withdrawal_effective_at = $3 WHERE id = $1`, [consentId, at, effectiveAt]);
    return effectiveAt;
  }

  const records = (subjectId: string) =>
    h.db.owner.query(`SELECT category_id, anchors, retention_due_at, restricted_at, restriction_reason, collected_at FROM personal_data_records WHERE subject_id = $1 ORDER BY category_id`, [subjectId]);
  const webhooks = (consentId: string) => h.db.owner.query(`SELECT source_system_id, event, payload FROM webhook_deliveries WHERE payload::text LIKE '%' || $1 || '%' AND payload::text LIKE '%"applied": true%'`, [consentId]);
  const audits = (consentId: string) => h.db.owner.query(`SELECT action, actor, details FROM audit_log WHERE target_id = $1 AND action = 'consent.withdrawal-applied'`, [consentId]);

  it('an Inomedis withdrawal effective in three working days: nothing before; on the date the tied records stop; twice changes nothing', async () => {
    const c = await client();
    const withdrawnAt = new Date('2026-04-30T10:00:00Z'); // Thu; 1 and 4 May are Latvian holidays
    const effectiveAt = await withdrawIn3WorkingDays(c.consentId, withdrawnAt);
    expect(effectiveAt.getTime()).toBeGreaterThan(withdrawnAt.getTime() + 5 * 24 * 3600_000);
    const before = await records(c.subjectId);

    // Before the date: nothing happens, by the job or the sweep (which only schedules it).
    expect(await effects.apply(tenantId, c.consentId, new Date(effectiveAt.getTime() - 1000))).toEqual({ status: 'not-yet' });
    const swept = await effects.sweep(new Date(effectiveAt.getTime() - 60_000));
    expect(swept.applied).toBe(0);
    expect(await records(c.subjectId)).toEqual(before);
    expect(await webhooks(c.consentId)).toHaveLength(0);
    const job = await queue.getJob(consentEffectJobId(c.consentId, effectiveAt));
    expect(job?.data).toEqual({ tenantId, consentId: c.consentId });

    // On the date.
    expect(await effects.apply(tenantId, c.consentId, new Date(effectiveAt.getTime() + 1000))).toEqual({ status: 'applied', records: 2, notified: 1 });
    const after = await records(c.subjectId);
    const byCat = Object.fromEntries(after.map((r: { category_id: string }) => [r.category_id, r]));
    // Contact data: still needed for own offers (legitimate interest): untouched.
    expect(byCat.contact).toEqual(before.find((r: { category_id: string }) => r.category_id === 'contact'));
    for (const cat of ['survey', 'consent-records']) {
      const r = byCat[cat];
      expect(r.anchors['consent-withdrawn']).toBe(effectiveAt.toISOString());
      expect(r.restricted_at).toEqual(effectiveAt);
      expect(r.restriction_reason).toBe('consent withdrawn');
      const expected = retentionDueFor(reg, cat, r.collected_at, r.anchors, { timeZone: 'Europe/Riga' });
      expect(r.retention_due_at === null ? null : new Date(r.retention_due_at).toISOString()).toBe(expected === null ? null : expected.toISOString());
    }
    // Consent records are kept three years after the withdrawal to prove it.
    expect(new Date(byCat['consent-records'].retention_due_at).getTime()).toBeGreaterThan(effectiveAt.getTime() + 2.9 * 365 * 24 * 3600_000);
    const hooks = await webhooks(c.consentId);
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ source_system_id: systemId, event: 'consent.withdrawn' });
    expect(hooks[0].payload.consents[0]).toMatchObject({ consentId: c.consentId, purposeId: 'surveys-new-products', effectiveAt: effectiveAt.toISOString(), applied: true });
    expect(hooks[0].payload.consents[0].restrictedRecords.sort()).toEqual([`c${c.k}-consent-records`, `c${c.k}-survey`]);
    const audit = await audits(c.consentId);
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ purposeId: 'surveys-new-products', records: 2, categories: ['survey', 'consent-records'] });

    // Twice: nothing changes.
    expect(await effects.apply(tenantId, c.consentId, new Date(effectiveAt.getTime() + 5000))).toEqual({ status: 'already-applied' });
    await effects.sweep(new Date(effectiveAt.getTime() + 10 * 60_000));
    expect(await records(c.subjectId)).toEqual(after);
    expect(await webhooks(c.consentId)).toHaveLength(1);
    expect(await audits(c.consentId)).toHaveLength(1);
  });

  it('the sweep applies a withdrawal whose job was lost', async () => {
    const c = await client();
    const effectiveAt = await withdrawIn3WorkingDays(c.consentId, new Date(Date.now() - 10 * 24 * 3600_000));
    expect(effectiveAt.getTime()).toBeLessThan(Date.now());
    const res = await effects.sweep();
    expect(res.applied).toBeGreaterThanOrEqual(1);
    const [row] = await h.db.owner.query(`SELECT effect_applied_at FROM consents WHERE id = $1`, [c.consentId]);
    expect(row.effect_applied_at).toBeInstanceOf(Date);
    expect((await records(c.subjectId)).filter((r: { restricted_at: Date | null }) => r.restricted_at)).toHaveLength(2);
    expect(await audits(c.consentId)).toHaveLength(1);
  });

  it('a consent-withdrawal request fulfilled in Regula schedules the effect at once, on its third working day', async () => {
    const c = await client();
    const receivedAt = new Date(Date.now() - 3600_000);
    const [req] = await h.db.owner.query(
      `INSERT INTO rights_requests (tenant_id, reference, type, state, subject_id, requester_email, requester_name, locale, details, received_at,
         due_at, due_date, first_due_at, identity_method, identity_verified_at, email_verified_at, status_token_hash)
       VALUES ($1, 'R-CWCW-2345', 'consent-withdrawal', 'in-progress', $2, 'client@example.lv', 'Client', 'lv', '{}'::jsonb, $3, $4, $5, $4, 'email-link', $3, $3, $6) RETURNING id`,
      [tenantId, c.subjectId, receivedAt, new Date(receivedAt.getTime() + 30 * 24 * 3600_000), new Date(receivedAt.getTime() + 30 * 24 * 3600_000).toISOString().slice(0, 10), 'a'.repeat(64)],
    );
    const res = await fulfilPreviewed(h.http(), 'inomedis', 'R-CWCW-2345', token);
    expect(res.status).toBe(200);
    const effectiveAt = workingDaysDeadline({ country: 'LV', timeZone: 'Europe/Riga', received: receivedAt }, 3).dueAt;
    expect(res.body.outcome.effectiveAt).toBe(effectiveAt.toISOString());
    // This request is the one completed, and the consent carries the date the effect is due.
    const [stored] = await h.db.owner.query(`SELECT state FROM rights_requests WHERE id = $1`, [req.id]);
    expect(stored.state).toBe('completed');
    const [consent] = await h.db.owner.query(`SELECT withdrawn_at, withdrawal_effective_at, effect_applied_at FROM consents WHERE id = $1`, [c.consentId]);
    expect(consent).toEqual({ withdrawn_at: expect.any(Date), withdrawal_effective_at: effectiveAt, effect_applied_at: null });
    let job = await queue.getJob(consentEffectJobId(c.consentId, effectiveAt));
    for (let i = 0; i < 30 && !job; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = await queue.getJob(consentEffectJobId(c.consentId, effectiveAt));
    }
    expect(job?.data).toEqual({ tenantId, consentId: c.consentId });
    expect(Math.abs(job!.timestamp + job!.delay - effectiveAt.getTime())).toBeLessThan(2000);
    // Not before its time.
    expect(await effects.apply(tenantId, c.consentId)).toEqual({ status: 'not-yet' });
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

    it('a consent-effect job whose date has come applies the withdrawal', async () => {
      const c = await client();
      const effectiveAt = await withdrawIn3WorkingDays(c.consentId, new Date(Date.now() - 8 * 24 * 3600_000));
      const job = await queue.add('consent-effect', { tenantId, consentId: c.consentId }, { jobId: `${consentEffectJobId(c.consentId, effectiveAt)}-test` });
      const result = await job.waitUntilFinished(events, 20000);
      expect(['applied', 'already-applied']).toContain(result.status); // the worker's own first sweep may have been quicker
      expect(await audits(c.consentId)).toHaveLength(1);
      expect((await records(c.subjectId)).filter((r: { restriction_reason: string | null }) => r.restriction_reason === 'consent withdrawn')).toHaveLength(2);
    });

    it('an immediate withdrawal ingested through the API is applied at once', async () => {
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
