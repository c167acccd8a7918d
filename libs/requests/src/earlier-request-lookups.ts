import { Injectable } from '@nestjs/common';
import { KeyedBatches, TenantDb } from '@regula/platform';
import { EarlierRequest, lookupFrom } from './duplicates';
import { RequestType } from './request-types';
import { TenantFacts } from './tenant-facts';

interface Lookup {
  type: RequestType;
  keys: string[];
  from: Date;
  to: Date;
}

/**
 * The duplicate lookup of web filings (duplicates.ts), the filings of one
 * moment together (issue 16 §2): while a tenant's lookup is under way, the
 * lookups that reach it wait and are then read by one statement,
 * `regula_earlier_requests` (migration 1764600080002), which answers each as
 * `regula_earlier_request` would alone. One statement without a transaction,
 * as before; a filing's lookup still runs before its write, so two filings of
 * the same moment from one subject do not see each other.
 */
@Injectable()
export class EarlierRequestLookups {
  private readonly batches: KeyedBatches<Lookup, EarlierRequest | null>;

  constructor(private readonly db: TenantDb) {
    this.batches = new KeyedBatches((tenantId, lookups) => this.read(tenantId, lookups));
  }

  /** The earlier request of the same type sharing a key with `keys`, received within the tenant's window before `receivedAt`, or null. */
  find(facts: Pick<TenantFacts, 'id' | 'duplicateWindowDays'>, input: { type: RequestType; keys: string[]; receivedAt: Date }): Promise<EarlierRequest | null> {
    const from = lookupFrom(facts, input);
    if (!from) return Promise.resolve(null);
    return this.batches.add(facts.id, { type: input.type, keys: input.keys, from, to: input.receivedAt });
  }

  private async read(tenantId: string, lookups: Lookup[]): Promise<{ value: EarlierRequest | null }[]> {
    const rows: { lookup: number; request_id: string; request_reference: string }[] = await this.db.readUnscoped((em) =>
      em.query(`SELECT lookup, request_id, request_reference FROM regula_earlier_requests($1, $2::jsonb)`, [tenantId, JSON.stringify(lookups)]));
    const found = new Map(rows.map((r) => [r.lookup, { id: r.request_id, reference: r.request_reference }]));
    return lookups.map((_, i) => ({ value: found.get(i) ?? null }));
  }
}
