import { REGULA_SCHEMA } from '../apps/schema';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadAuditConfig, openDataSource, TenantDb } from '@regula/platform';
import { AuditKeys } from '@regula/audit';
import {
  ConsentWrites, DisclosureLog, ErasedRecordKeys, ObjectionFlags, RecordErasure, RecordRectification, RecordRestriction, RecordRetention,
} from '@regula/subjects';
import { createTestDatabase, TestDatabase } from './support/test-database';

const DAY = 86_400_000;
const at = (iso: string) => new Date(iso);

/**
 * The writes libs/subjects offers other libs (`libs/subjects/src/writes/`),
 * on real Postgres as the application role (row-level security applies):
 * each changes exactly the rows and columns it names, keeps what it promises
 * to keep (an earlier restriction, an earlier withdrawal), and the retention
 * batch takes only due rows its condition admits, earliest first, skipping
 * rows another transaction holds.
 */
describe('subject writes', () => {
  let db: TestDatabase;
  let app: DataSource;
  let tenants: TenantDb;
  let tenantId: string;
  let otherTenantId: string;
  let systemId: string;
  const erasedKeys = new ErasedRecordKeys(new AuditKeys());
  const erasure = new RecordErasure(erasedKeys);
  const restriction = new RecordRestriction();
  const retention = new RecordRetention();
  const rectification = new RecordRectification();
  const consents = new ConsentWrites();
  const flags = new ObjectionFlags();
  const disclosures = new DisclosureLog();
  const q = (sql: string, params: unknown[] = []) => db.owner.query(sql, params);
  const row = async <T = Record<string, unknown>>(table: string, id: string): Promise<T> => (await q(`SELECT * FROM ${table} WHERE id = $1`, [id]))[0] as T;

  async function subject(name = 'Anna'): Promise<string> {
    const [s] = await q(`INSERT INTO data_subjects (tenant_id, display_name) VALUES ($1, $2) RETURNING id`, [tenantId, name]);
    await q(`INSERT INTO subject_identifiers (tenant_id, subject_id, kind, value) VALUES ($1, $2, 'email', $3)`, [tenantId, s.id, `${s.id}@example.test`]);
    return s.id;
  }

  let ext = 0;
  async function record(subjectId: string, extra: { due?: Date | null; legalHold?: boolean; restricted?: { at: Date; reason: string } } = {}): Promise<string> {
    const [r] = await q(
      `INSERT INTO personal_data_records (tenant_id, subject_id, source_system_id, external_id, register_key, category_id, value, collected_at, anchors,
                                          retention_due_at, legal_hold, restricted_at, restriction_reason, updated_at)
       VALUES ($1, $2, $3, $4, 'website', 'login-information', '{"ip":"192.0.2.1"}', '2024-01-01T00:00:00Z', '{}', $5, $6, $7, $8, '2024-01-01T00:00:00Z') RETURNING id`,
      [tenantId, subjectId, systemId, `ext-${++ext}`, extra.due ?? null, !!extra.legalHold, extra.restricted?.at ?? null, extra.restricted?.reason ?? null],
    );
    return r.id;
  }

  async function consent(subjectId: string, purpose = 'newsletter'): Promise<string> {
    const [c] = await q(
      `INSERT INTO consents (tenant_id, subject_id, source_system_id, external_id, register_key, purpose_id, given_at, channel, policy_version)
       VALUES ($1, $2, $3, $4, 'marketing', $5, '2024-01-01T00:00:00Z', 'web-form', '1') RETURNING id`,
      [tenantId, subjectId, systemId, `consent-${++ext}`, purpose],
    );
    return c.id;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await openDataSource(db.appUrl, REGULA_SCHEMA, 3, 'regula-test-app');
    tenants = new TenantDb(app);
    [{ id: tenantId }] = await q(`SELECT id FROM tenants WHERE slug = 'softera-baltic'`);
    [{ id: otherTenantId }] = await q(`SELECT id FROM tenants WHERE slug = 'inomedis'`);
    [{ id: systemId }] = await q(
      `INSERT INTO source_systems (tenant_id, name, key_id, key_hash, webhook_secret) VALUES ($1, 'crm', 'k-subject-writes', repeat('0', 64), 'secret') RETURNING id`,
      [tenantId],
    );
  });

  afterAll(async () => {
    await app?.destroy();
    await db?.drop();
  });

  describe('RecordErasure', () => {
    it('erases the named records of the subject: value removed, erased_at set, restriction cleared; others and erased ones untouched', async () => {
      const s = await subject();
      const [a, b, kept] = [await record(s, { restricted: { at: at('2025-01-01T00:00:00Z'), reason: 'old' } }), await record(s), await record(s)];
      await q(`UPDATE personal_data_records SET value = NULL, erased_at = '2025-02-01T00:00:00Z' WHERE id = $1`, [b]);
      const now = at('2026-03-01T10:00:00Z');
      await tenants.forTenant(tenantId, (em) => erasure.eraseRecords(em, tenantId, s, [a, b], now));
      expect(await row(`personal_data_records`, a)).toMatchObject({ value: null, erased_at: now, restricted_at: null, restriction_reason: null });
      expect(await row(`personal_data_records`, b)).toMatchObject({ erased_at: at('2025-02-01T00:00:00Z') });
      expect(await row(`personal_data_records`, kept)).toMatchObject({ value: { ip: '192.0.2.1' }, erased_at: null });
    });

    it('does not reach another subject or, inside another tenant, any record', async () => {
      const [s, t] = [await subject(), await subject()];
      const r = await record(t);
      await tenants.forTenant(tenantId, (em) => erasure.eraseRecords(em, tenantId, s, [r], new Date()));
      await tenants.forTenant(otherTenantId, (em) => erasure.eraseRecords(em, tenantId, t, [r], new Date()));
      expect(await row(`personal_data_records`, r)).toMatchObject({ erased_at: null });
    });

    it('erases the subject: the row keeps its id and erased_at, its name and identifiers go', async () => {
      const s = await subject('Bērziņa');
      const now = at('2026-03-01T10:00:00Z');
      await tenants.forTenant(tenantId, (em) => erasure.eraseSubject(em, tenantId, s, now));
      expect(await row(`data_subjects`, s)).toMatchObject({ id: s, display_name: null, erased_at: now });
      expect(await q(`SELECT 1 FROM subject_identifiers WHERE subject_id = $1`, [s])).toEqual([]);
    });

    describe('deleteDueBatch', () => {
      const cutoff = at('2026-06-01T00:00:00Z');
      /** The caller's condition: due at the cutoff, no legal hold. */
      const where = `r.tenant_id = $1 AND r.erased_at IS NULL AND r.retention_due_at IS NOT NULL AND r.retention_due_at <= $2 AND NOT r.legal_hold`;
      let s: string;
      let due: string[];
      let dueExternal: string[];
      let held: string;
      let notDue: string;
      const externalOf = async (id: string): Promise<string> => (await row<{ external_id: string }>(`personal_data_records`, id)).external_id;

      beforeAll(async () => {
        await q(`UPDATE personal_data_records SET retention_due_at = NULL WHERE tenant_id = $1`, [tenantId]);
        s = await subject();
        due = [await record(s, { due: at('2026-01-03T00:00:00Z') }), await record(s, { due: at('2026-01-01T00:00:00Z') }), await record(s, { due: at('2026-01-02T00:00:00Z') })];
        dueExternal = await Promise.all(due.map(externalOf));
        held = await record(s, { due: at('2025-12-01T00:00:00Z'), legalHold: true });
        notDue = await record(s, { due: new Date(cutoff.getTime() + DAY) });
      });

      it('takes the earliest due rows the condition admits, deletes them, keeps their keyed hashes and returns what the caller reports', async () => {
        const rows = await tenants.forTenant(tenantId, (em) => erasure.deleteDueBatch(em, tenantId, { where, cutoff, limit: 2 }));
        expect(rows.map((r) => r.externalId).sort()).toEqual([dueExternal[1], dueExternal[2]].sort());
        expect(rows[0]).toEqual({ sourceSystemId: systemId, externalId: expect.stringMatching(/^ext-/), registerKey: 'website', categoryId: 'login-information' });
        expect(await row(`personal_data_records`, due[1])).toBeUndefined();
        expect(await row(`personal_data_records`, due[0])).toMatchObject({ erased_at: null });
        const found = await tenants.forTenant(tenantId, (em) => erasedKeys.erasedAmong(em, tenantId, systemId, dueExternal));
        expect([...found].sort()).toEqual([dueExternal[1], dueExternal[2]].sort());
      });

      it('skips a row another transaction holds, without waiting for it; never takes what the condition protects', async () => {
        const runner = app.createQueryRunner();
        await runner.connect();
        await runner.startTransaction();
        try {
          await runner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
          await runner.query(`SELECT id FROM personal_data_records WHERE id = $1 FOR UPDATE`, [due[0]]);
          const rows = await tenants.forTenant(tenantId, (em) => erasure.deleteDueBatch(em, tenantId, { where, cutoff, limit: 10 }));
          expect(rows).toEqual([]);
        } finally {
          await runner.rollbackTransaction();
          await runner.release();
        }
        const rows = await tenants.forTenant(tenantId, (em) => erasure.deleteDueBatch(em, tenantId, { where, cutoff, limit: 10 }));
        expect(rows.map((r) => r.externalId)).toEqual([dueExternal[0]]);
        expect(await row(`personal_data_records`, held)).toMatchObject({ erased_at: null, legal_hold: true });
        expect(await row(`personal_data_records`, notDue)).toMatchObject({ erased_at: null });
      });

      it('keeps no readable identifier: 16 bytes per record, the HMAC of its identity under a key of the tenant, nothing of it in clear', async () => {
        const keys: { tenant_id: string; digest: Buffer }[] = await q(`SELECT * FROM erased_record_keys WHERE tenant_id = $1`, [tenantId]);
        expect(keys).toHaveLength(3);
        // The table has these two columns only.
        for (const k of keys) expect(Object.keys(k).sort()).toEqual(['digest', 'tenant_id']);
        // The statement's SQL HMAC is the process's (RFC 2104 with the tenant's derived key).
        expect(keys.map((k) => k.digest.toString('hex')).sort())
          .toEqual(dueExternal.map((externalId) => erasedKeys.digest(tenantId, { sourceSystemId: systemId, externalId }).toString('hex')).sort());
        const bytes = Buffer.concat(keys.map((k) => k.digest));
        for (const text of [...dueExternal, systemId, s]) expect(bytes.includes(Buffer.from(text))).toBe(false);
        for (const k of keys) expect(k.digest).toHaveLength(16);
        // Another tenant's key gives another hash for the same identity; the app role sees no other tenant's rows.
        const other = erasedKeys.digest(otherTenantId, { sourceSystemId: systemId, externalId: dueExternal[0] });
        expect(keys.some((k) => k.digest.equals(other))).toBe(false);
        expect(await tenants.forTenant(otherTenantId, (em) => em.query(`SELECT count(*)::int AS n FROM erased_record_keys`))).toEqual([{ n: 0 }]);
      });

      it('still recognises a hash made under a key rotated into AUDIT_HMAC_PREVIOUS_KEYS, and not one under a key it no longer holds', async () => {
        const current = loadAuditConfig().AUDIT_HMAC_KEY;
        const rotated = new ErasedRecordKeys(new AuditKeys({ ...loadAuditConfig(), AUDIT_HMAC_KEY: 'n'.repeat(40), AUDIT_HMAC_PREVIOUS_KEYS: current }));
        const forgotten = new ErasedRecordKeys(new AuditKeys({ ...loadAuditConfig(), AUDIT_HMAC_KEY: 'n'.repeat(40), AUDIT_HMAC_PREVIOUS_KEYS: '' }));
        const ask = (k: ErasedRecordKeys) => tenants.forTenant(tenantId, (em) => k.erasedAmong(em, tenantId, systemId, [dueExternal[0], 'ext-never']));
        expect([...(await ask(rotated))]).toEqual([dueExternal[0]]);
        expect([...(await ask(forgotten))]).toEqual([]);
      });
    });
  });

  describe('RecordRestriction', () => {
    it('restricts only records not restricted yet (an earlier reason stands)', async () => {
      const s = await subject();
      const earlier = { at: at('2025-01-01T00:00:00Z'), reason: 'accuracy contested' };
      const [fresh, old] = [await record(s), await record(s, { restricted: earlier })];
      const now = at('2026-03-01T10:00:00Z');
      await tenants.forTenant(tenantId, (em) => restriction.restrictUnrestricted(em, tenantId, s, [fresh, old], now, 'at the subject\'s request'));
      expect(await row(`personal_data_records`, fresh)).toMatchObject({ restricted_at: now, restriction_reason: 'at the subject\'s request' });
      expect(await row(`personal_data_records`, old)).toMatchObject({ restricted_at: earlier.at, restriction_reason: earlier.reason });
    });

    it('a record kept by law keeps its earlier restriction time and takes the new reason', async () => {
      const s = await subject();
      const [fresh, old] = [await record(s), await record(s, { restricted: { at: at('2025-01-01T00:00:00Z'), reason: 'old' } })];
      const now = at('2026-03-01T10:00:00Z');
      await tenants.forTenant(tenantId, async (em) => {
        await restriction.restrictKept(em, tenantId, fresh, now, 'kept by law');
        await restriction.restrictKept(em, tenantId, old, now, 'kept by law');
      });
      expect(await row(`personal_data_records`, fresh)).toMatchObject({ restricted_at: now, restriction_reason: 'kept by law' });
      expect(await row(`personal_data_records`, old)).toMatchObject({ restricted_at: at('2025-01-01T00:00:00Z'), restriction_reason: 'kept by law' });
    });

    it('a withdrawn consent sets anchors and due date, and restricts only when asked', async () => {
      const s = await subject();
      const [a, b] = [await record(s), await record(s, { restricted: { at: at('2025-01-01T00:00:00Z'), reason: 'old' } })];
      const due = at('2029-01-01T00:00:00Z');
      const effective = at('2026-03-04T00:00:00Z');
      await tenants.forTenant(tenantId, async (em) => {
        await restriction.applyWithdrawnConsent(em, tenantId, a, { anchors: { 'consent-withdrawn': effective.toISOString() }, retentionDueAt: due, restrict: { at: effective, reason: 'consent withdrawn' } });
        await restriction.applyWithdrawnConsent(em, tenantId, b, { anchors: { 'consent-withdrawn': effective.toISOString() }, retentionDueAt: due, restrict: null });
      });
      const [ra, rb] = [await row<Record<string, unknown>>(`personal_data_records`, a), await row<Record<string, unknown>>(`personal_data_records`, b)];
      expect(ra).toMatchObject({ anchors: { 'consent-withdrawn': effective.toISOString() }, retention_due_at: due, restricted_at: effective, restriction_reason: 'consent withdrawn' });
      expect(rb).toMatchObject({ retention_due_at: due, restricted_at: at('2025-01-01T00:00:00Z'), restriction_reason: 'old' });
      expect(ra.updated_at).not.toEqual(at('2024-01-01T00:00:00Z'));
    });
  });

  describe('RecordRetention and RecordRectification', () => {
    it('places and lifts a legal hold', async () => {
      const r = await record(await subject());
      await tenants.forTenant(tenantId, (em) => retention.setLegalHold(em, tenantId, r, true));
      expect(await row(`personal_data_records`, r)).toMatchObject({ legal_hold: true });
      await tenants.forTenant(tenantId, (em) => retention.setLegalHold(em, tenantId, r, false));
      expect(await row(`personal_data_records`, r)).toMatchObject({ legal_hold: false });
    });

    it('stores due dates only where the date read is still there and the record is not erased', async () => {
      const s = await subject();
      const old = at('2027-01-01T00:00:00Z');
      const [same, moved, erased] = [await record(s, { due: old }), await record(s, { due: at('2028-01-01T00:00:00Z') }), await record(s, { due: old })];
      await q(`UPDATE personal_data_records SET erased_at = now(), value = NULL WHERE id = $1`, [erased]);
      const due = at('2030-01-01T00:00:00Z');
      const changed = await tenants.forTenant(tenantId, (em) => retention.setDueDates(em, tenantId, [same, moved, erased].map((id) => ({ id, old, due }))));
      expect(changed).toEqual([same]);
      expect(await row(`personal_data_records`, same)).toMatchObject({ retention_due_at: due });
      expect(await row(`personal_data_records`, moved)).toMatchObject({ retention_due_at: at('2028-01-01T00:00:00Z') });
      const cleared = await tenants.forTenant(tenantId, (em) => retention.setDueDates(em, tenantId, [{ id: same, old: due, due: null }]));
      expect(cleared).toEqual([same]);
      expect(await row(`personal_data_records`, same)).toMatchObject({ retention_due_at: null });
      expect(await tenants.forTenant(tenantId, (em) => retention.setDueDates(em, tenantId, []))).toEqual([]);
    });

    it('rectifies a value of the subject only', async () => {
      const [s, t] = [await subject(), await subject()];
      const r = await record(s);
      await tenants.forTenant(tenantId, (em) => rectification.rectify(em, tenantId, t, r, { ip: '198.51.100.7' }));
      expect(await row(`personal_data_records`, r)).toMatchObject({ value: { ip: '192.0.2.1' } });
      await tenants.forTenant(tenantId, (em) => rectification.rectify(em, tenantId, s, r, { ip: '198.51.100.7' }));
      expect(await row(`personal_data_records`, r)).toMatchObject({ value: { ip: '198.51.100.7' } });
    });
  });

  describe('ConsentWrites', () => {
    it('withdraws in effect from the withdrawal: an earlier withdrawal keeps its time, the earlier effect wins', async () => {
      const s = await subject();
      const [c, untouched] = [await consent(s), await consent(s)];
      const first = at('2026-03-01T10:00:00Z');
      await tenants.forTenant(tenantId, (em) => consents.withdraw(em, tenantId, s, [c], first));
      expect(await row(`consents`, c)).toMatchObject({ withdrawn_at: first, withdrawal_effective_at: first });
      await tenants.forTenant(tenantId, (em) => consents.withdraw(em, tenantId, s, [c], at('2026-03-02T10:00:00Z')));
      expect(await row(`consents`, c)).toMatchObject({ withdrawn_at: first, withdrawal_effective_at: first });
      // A row written when a withdrawal could take effect later (before migration 1764550000000): a new withdrawal brings its effect forward.
      await q(`UPDATE consents SET withdrawal_effective_at = $2 WHERE id = $1`, [c, at('2026-03-04T10:00:00Z')]);
      await tenants.forTenant(tenantId, (em) => consents.withdraw(em, tenantId, s, [c], at('2026-03-02T10:00:00Z')));
      expect(await row(`consents`, c)).toMatchObject({ withdrawn_at: first, withdrawal_effective_at: at('2026-03-02T10:00:00Z') });
      expect(await row(`consents`, untouched)).toMatchObject({ withdrawn_at: null });
    });

    it('marks an applied effect', async () => {
      const c = await consent(await subject());
      const now = at('2026-03-05T00:00:00Z');
      await tenants.forTenant(tenantId, (em) => consents.markEffectApplied(em, tenantId, c, now));
      expect(await row(`consents`, c)).toMatchObject({ effect_applied_at: now });
    });

    it('marks consents in force given under another version for renewal, once; counts them first', async () => {
      await q(`UPDATE consents SET withdrawn_at = now() WHERE tenant_id = $1`, [tenantId]);
      const s = await subject();
      const [c, other] = [await consent(s, 'newsletter'), await consent(s, 'surveys')];
      const now = at('2026-04-01T00:00:00Z');
      expect(await tenants.forTenant(tenantId, (em) => consents.countRenewalRequired(em, tenantId, ['marketing/newsletter'], 2))).toBe(1);
      expect(await tenants.forTenant(tenantId, (em) => consents.countRenewalRequired(em, tenantId, [], 2))).toBe(0);
      const marked = await tenants.forTenant(tenantId, (em) => consents.markRenewalRequired(em, tenantId, ['marketing/newsletter'], 2, now));
      expect(marked).toEqual([{ id: c, sourceSystemId: systemId, externalId: expect.stringMatching(/^consent-/), registerKey: 'marketing', purposeId: 'newsletter' }]);
      expect(await row(`consents`, c)).toMatchObject({ renewal_required_at: now, renewal_policy_version: 2 });
      expect(await row(`consents`, other)).toMatchObject({ renewal_required_at: null });
      expect(await tenants.forTenant(tenantId, (em) => consents.markRenewalRequired(em, tenantId, ['marketing/newsletter'], 2, now))).toEqual([]);
    });
  });

  describe('ObjectionFlags and DisclosureLog', () => {
    it('records a flag as given', async () => {
      const s = await subject();
      const requestId = randomUUID();
      const effectiveAt = at('2026-03-01T10:00:00Z');
      await tenants.forTenant(tenantId, (em) => flags.flag(em, tenantId, { subjectId: s, kind: 'restriction', registerKey: null, purposeId: null, requestId, effectiveAt }));
      expect(await q(`SELECT kind, register_key, purpose_id, request_id, effective_at, lifted_at FROM processing_objections WHERE subject_id = $1`, [s])).toEqual([
        { kind: 'restriction', register_key: null, purpose_id: null, request_id: requestId, effective_at: effectiveAt, lifted_at: null },
      ]);
    });

    it('records a hand-over once per key', async () => {
      const s = await subject();
      const h = { subjectId: s, registerKey: 'website', recipientId: 'data-subject', recipientName: 'the data subject', categories: ['login-information'], disclosedAt: at('2026-03-01T10:00:00Z'), externalId: 'R-AAAA-BBBB:access:website', legalBasis: 'GDPR Art. 15(3)' };
      await tenants.forTenant(tenantId, async (em) => {
        await disclosures.recordHandOver(em, tenantId, h);
        await disclosures.recordHandOver(em, tenantId, h);
      });
      expect(await q(`SELECT register_key, recipient_id, recipient_name, categories, via, external_id, legal_basis FROM disclosures WHERE subject_id = $1`, [s])).toEqual([
        { register_key: 'website', recipient_id: 'data-subject', recipient_name: 'the data subject', categories: ['login-information'], via: 'regula', external_id: h.externalId, legal_basis: 'GDPR Art. 15(3)' },
      ]);
    });
  });
});
