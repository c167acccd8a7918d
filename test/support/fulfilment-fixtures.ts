import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * Arranges a subject, its records and consents, and a request in progress as
 * the schema owner, for the fulfilment tests (the preview's spec, the
 * dashboard's browser test).
 */
export function fulfilmentFixtures(owner: DataSource, tenantIdOf: (slug: string) => string) {
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => owner.query(sql, params);
  const one = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T> => (await q<T>(sql, params))[0];
  const systems: Record<string, string> = {};
  let ext = 0;
  const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

  async function system(slug: string, name: string): Promise<string> {
    const key = `${slug}/${name}`;
    if (!systems[key]) {
      const [found] = await q<{ id: string }>(`SELECT id FROM source_systems WHERE tenant_id = $1 AND name = $2`, [tenantIdOf(slug), name]);
      systems[key] = found?.id ?? (await one<{ id: string }>(
        `INSERT INTO source_systems (tenant_id, name, key_id, key_hash, webhook_secret) VALUES ($1, $2, $3, $4, 'secret') RETURNING id`,
        [tenantIdOf(slug), name, randomBytes(8).toString('hex'), '0'.repeat(64)],
      )).id;
    }
    return systems[key];
  }

  async function subject(slug: string, email: string, name: string, locale = 'en'): Promise<string> {
    const s = await one<{ id: string }>(`INSERT INTO data_subjects (tenant_id, display_name, locale) VALUES ($1, $2, $3) RETURNING id`, [tenantIdOf(slug), name, locale]);
    await q(`INSERT INTO subject_identifiers (tenant_id, subject_id, kind, value) VALUES ($1, $2, 'email', $3)`, [tenantIdOf(slug), s.id, email]);
    return s.id;
  }

  async function record(
    slug: string, subjectId: string, r: { system: string; register: string; category: string; value: unknown; collectedAt?: string; legalHold?: boolean },
  ): Promise<{ id: string; externalId: string }> {
    const externalId = `${r.system}-${Date.now().toString(36)}-${++ext}`;
    const row = await one<{ id: string }>(
      `INSERT INTO personal_data_records (tenant_id, subject_id, source_system_id, external_id, register_key, category_id, value, collected_at, anchors, legal_hold)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, '{}'::jsonb, $9) RETURNING id`,
      [tenantIdOf(slug), subjectId, await system(slug, r.system), externalId, r.register, r.category, JSON.stringify(r.value), r.collectedAt ?? '2025-03-10T10:00:00Z', !!r.legalHold],
    );
    return { id: row.id, externalId };
  }

  async function consent(slug: string, subjectId: string, register: string, purpose: string, sys = 'crm'): Promise<string> {
    return (await one<{ id: string }>(
      `INSERT INTO consents (tenant_id, subject_id, source_system_id, external_id, register_key, purpose_id, given_at, channel)
       VALUES ($1, $2, $3, $4, $5, $6, '2025-03-10T10:00:00Z', 'web-form') RETURNING id`,
      [tenantIdOf(slug), subjectId, await system(slug, sys), `consent-${Date.now().toString(36)}-${++ext}`, register, purpose],
    )).id;
  }

  async function request(slug: string, type: string, subjectId: string | null, opts: { details?: Record<string, unknown>; locale?: string } = {}): Promise<{ id: string; reference: string }> {
    const pick = () => Array.from({ length: 4 }, () => ALPHABET[Math.floor(Math.random() * ALPHABET.length)]).join('');
    const reference = `R-${pick()}-${pick()}`;
    const receivedAt = new Date(Date.now() - 2 * 86_400_000);
    const due = new Date(receivedAt.getTime() + 30 * 86_400_000);
    const row = await one<{ id: string }>(
      `INSERT INTO rights_requests (tenant_id, reference, type, state, subject_id, requester_email, requester_name, locale, details, received_at,
         due_at, due_date, first_due_at, identity_method, identity_verified_at, email_verified_at, status_token_hash)
       VALUES ($1, $2, $3, 'in-progress', $4, 'subject@example.test', 'The Subject', $5, $6::jsonb, $7, $8, $9, $8, 'email-link', $7, $7, $10) RETURNING id`,
      [tenantIdOf(slug), reference, type, subjectId, opts.locale ?? 'en', JSON.stringify(opts.details ?? {}), receivedAt, due,
        due.toISOString().slice(0, 10), createHash('sha256').update(randomBytes(32)).digest('hex')],
    );
    return { id: row.id, reference };
  }

  /** What a preview must leave untouched: the store, the outboxes, the files. */
  async function footprint(slug: string): Promise<Record<string, number>> {
    return one<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM personal_data_records WHERE tenant_id = $1) AS records,
              (SELECT count(*)::int FROM personal_data_records WHERE tenant_id = $1 AND (erased_at IS NOT NULL OR restricted_at IS NOT NULL)) AS changed,
              (SELECT count(*)::int FROM data_subjects WHERE tenant_id = $1 AND erased_at IS NOT NULL) AS subjectsErased,
              (SELECT count(*)::int FROM consents WHERE tenant_id = $1 AND withdrawn_at IS NOT NULL) AS consentsWithdrawn,
              (SELECT count(*)::int FROM processing_objections WHERE tenant_id = $1) AS flags,
              (SELECT count(*)::int FROM webhook_deliveries WHERE tenant_id = $1) AS webhooks,
              (SELECT count(*)::int FROM outbox_emails WHERE tenant_id = $1) AS emails,
              (SELECT count(*)::int FROM request_artifacts WHERE tenant_id = $1) AS files,
              (SELECT count(*)::int FROM disclosures WHERE tenant_id = $1) AS disclosures,
              (SELECT count(*)::int FROM rights_requests WHERE tenant_id = $1 AND state <> 'in-progress') AS closed`,
      [tenantIdOf(slug)],
    );
  }

  return { q, one, system, subject, record, consent, request, footprint };
}
