import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '@regula/audit';
import { ConflictError, TenantDb } from '@regula/platform';
import { RegisterImports } from '@regula/registers';
import { requestDeadlines } from '../request-deadline';
import { newReference, newStatusToken, sha256Hex } from '../request-secrets';
import { loadFacts } from '../request-store';
import type { IdentityMethod, RequestType } from '../request-types';
import type { TenantFacts } from '../tenant-facts';

/** The closed states a request of the past may be in (the state machine's final states, request-types.ts). */
export const HISTORIC_STATES = ['completed', 'refused', 'withdrawn'] as const;
export type HistoricState = (typeof HISTORIC_STATES)[number];

/** The channels a request reaches a controller by (the requests list's `channel`). */
export const HISTORIC_CHANNELS = ['web-form', 'e-mail', 'post', 'phone', 'in-person'] as const;
export type HistoricChannel = (typeof HISTORIC_CHANNELS)[number];

/** One closed request of the past, as the requests list's export states it; no requester's identity. */
export interface HistoricRequest {
  /** The reference it had; null: one is drawn. */
  reference: string | null;
  type: RequestType;
  channel: HistoricChannel;
  identityMethod: IdentityMethod;
  receivedAt: Date;
  identityVerifiedAt: Date | null;
  state: HistoricState;
  /** Answered, refused or withdrawn at. */
  closedAt: Date;
  /** Extended by two further months (Art. 12(3)) at this instant; null: not extended. */
  extendedAt: Date | null;
}

export interface HistoricImportActor {
  userId: string | null;
  label: string;
  ip?: string;
}

export interface HistoricImportInput {
  sha256: string;
  fileName: string;
  requests: HistoricRequest[];
  /** Held between preview and confirmation (`RegisterImports`, kind `requests`): claimed in the same transaction. False for the demo's history, written directly. */
  held: boolean;
}

/**
 * Closed requests of the past written in bulk (issue 18 §1): ONE transaction,
 * ONE insert of all rows (a JSON array unpacked by PostgreSQL), ONE audit entry
 * `requests.imported` with the file's SHA-256 and the counts. Each row is marked
 * with the file's SHA-256 (`imported_sha256`), holds no requester identity
 * (empty name, no e-mail address, no subject), has its due dates computed from
 * its receipt as any request's (request-deadline.ts, Art. 12(3)) and no SLA
 * notice planned (`next_notice_at` null); no e-mail, no event, no job. A receipt
 * before the controller's onboarding is allowed: these requests happened
 * before Regula. A reference the tenant already has refuses the whole file.
 */
@Injectable()
export class HistoricRequests {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly held: RegisterImports,
  ) {}

  /** The tenant's facts the import reads (time zone, country, languages). */
  facts(tenantId: string): Promise<TenantFacts> {
    return this.db.forTenant(tenantId, (em) => loadFacts(em, tenantId));
  }

  /** Which of `references` the tenant's requests already have. */
  async takenReferences(tenantId: string, references: string[]): Promise<Set<string>> {
    if (!references.length) return new Set();
    const rows: { reference: string }[] = await this.db.forTenant(tenantId, (em) =>
      em.query(`SELECT reference FROM rights_requests WHERE tenant_id = $1 AND reference = ANY($2::text[])`, [tenantId, references]),
    );
    return new Set(rows.map((r) => r.reference));
  }

  /** Writes the requests; returns how many. */
  async insert(tenantId: string, input: HistoricImportInput, actor: HistoricImportActor, now: Date): Promise<number> {
    return this.db.forTenant(tenantId, async (em) => {
      const targetId = input.held ? await this.held.claim(em, tenantId, input.sha256, now, 'requests') : null;
      const facts = await loadFacts(em, tenantId);
      const count = await insertHistoric(em, facts, input, now);
      const byState = Object.fromEntries(HISTORIC_STATES.map((s) => [s, input.requests.filter((r) => r.state === s).length]));
      await this.audit.append(em, {
        tenantId, actorId: actor.userId, actor: actor.label, action: 'requests.imported', targetType: 'request', targetId: targetId ?? undefined, ip: actor.ip,
        details: { sha256: input.sha256, fileName: input.fileName, requests: count, ...byState },
      });
      return count;
    });
  }
}

/** The one INSERT; a reference taken (by the tenant or twice in the file) is a conflict: the transaction rolls back. */
async function insertHistoric(em: EntityManager, facts: TenantFacts, input: HistoricImportInput, now: Date): Promise<number> {
  if (!input.requests.length) return 0;
  const references = new Set(input.requests.map((r) => r.reference).filter((r): r is string => !!r));
  const draw = () => {
    for (;;) {
      const ref = newReference();
      if (!references.has(ref)) return references.add(ref), ref;
    }
  };
  // nobody holds a status link of an imported request: the hash of a token thrown away
  const tokenHash = sha256Hex(newStatusToken());
  const rows = input.requests.map((r) => {
    const d = requestDeadlines({ receivedAt: r.receivedAt, suspensions: [], extended: !!r.extendedAt, country: facts.country, timeZone: facts.timeZone, now });
    return {
      reference: r.reference ?? draw(), type: r.type, state: r.state, channel: r.channel, identity_method: r.identityMethod,
      received_at: r.receivedAt.toISOString(), due_at: d.dueAt.toISOString(), due_date: d.dueDate, first_due_at: d.firstDueAt.toISOString(),
      identity_verified_at: r.identityVerifiedAt?.toISOString() ?? null, extended_at: r.extendedAt?.toISOString() ?? null, closed_at: r.closedAt.toISOString(),
    };
  });
  try {
    const result: { n: number }[] = await em.query(
      `WITH inserted AS (
         INSERT INTO rights_requests (tenant_id, reference, type, state, channel, identity_method, received_at, due_at, due_date, first_due_at,
                                      identity_verified_at, extended_at, closed_at, requester_name, requester_email, locale, details,
                                      status_token_hash, imported_sha256, next_notice_at, created_at, updated_at)
         SELECT $1, x.reference, x.type, x.state, x.channel, x.identity_method, x.received_at, x.due_at, x.due_date, x.first_due_at,
                x.identity_verified_at, x.extended_at, x.closed_at, '', NULL, $3, '{}'::jsonb, $4, $5, NULL, $6, $6
           FROM jsonb_to_recordset($2::jsonb) AS x(reference text, type text, state text, channel text, identity_method text, received_at timestamptz,
                due_at timestamptz, due_date date, first_due_at timestamptz, identity_verified_at timestamptz, extended_at timestamptz, closed_at timestamptz)
         RETURNING 1)
       SELECT count(*)::int AS n FROM inserted`,
      [facts.id, JSON.stringify(rows), facts.languages[0] ?? 'en', tokenHash, input.sha256, now],
    );
    return result[0].n;
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw new ConflictError('a reference of the file is already a request of this controller: nothing was imported');
    throw e;
  }
}
