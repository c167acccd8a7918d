import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditKeys } from '@regula/audit';

/** What identifies a record across ingests: its source system and the system's own id of it. */
export interface RecordIdentity {
  sourceSystemId: string;
  externalId: string;
}

/** Bytes kept of each HMAC-SHA256: 128 bits, no collision to fear within a tenant, half the index of the full digest. */
export const ERASED_DIGEST_BYTES = 16;

/**
 * The keyed hashes of records a retention sweep deleted (`erased_record_keys`):
 * what stops ingest from storing an erased record again, without keeping its
 * identifiers. Each tenant has its own keys, derived from the server's secret
 * (`AuditKeys.derivedKeys`), so the table holds nothing readable and a copy of
 * the database alone cannot test a guessed external id against it; a hash made
 * under a rotated-out key still matches while that key is kept as a previous one.
 */
@Injectable()
export class ErasedRecordKeys {
  private readonly byTenant = new Map<string, Buffer[]>();

  constructor(private readonly secrets: AuditKeys) {}

  /** The record's digest under the tenant's current key (`key` 0) or an older one. */
  digest(tenantId: string, record: RecordIdentity, key = 0): Buffer {
    const k = this.keys(tenantId)[key];
    // A source system's id is a UUID: the newline cannot be part of it, so no two identities give the same text.
    return createHmac('sha256', k).update(`${record.sourceSystemId}\n${record.externalId}`).digest().subarray(0, ERASED_DIGEST_BYTES);
  }

  /**
   * The tenant's current key as the two 64-byte blocks HMAC-SHA256 hashes in
   * front of the message (key XOR ipad, key XOR opad; RFC 2104), so that SQL
   * computes the same digest with its `sha256()`:
   * `substr(sha256(outer || sha256(inner || message)), 1, 16)`.
   */
  sqlKey(tenantId: string): { inner: Buffer; outer: Buffer } {
    const k = Buffer.alloc(64);
    this.keys(tenantId)[0].copy(k);
    return { inner: Buffer.from(k.map((b) => b ^ 0x36)), outer: Buffer.from(k.map((b) => b ^ 0x5c)) };
  }

  /** Which of these external ids of the system were erased by a sweep (under any key still held). */
  async erasedAmong(em: EntityManager, tenantId: string, sourceSystemId: string, externalIds: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    if (!externalIds.length) return out;
    const byDigest = new Map<string, string>();
    for (let key = 0; key < this.keys(tenantId).length; key++) {
      for (const externalId of externalIds) byDigest.set(this.digest(tenantId, { sourceSystemId, externalId }, key).toString('hex'), externalId);
    }
    const rows: { digest: Buffer }[] = await em.query(
      `SELECT digest FROM erased_record_keys WHERE tenant_id = $1 AND digest = ANY($2::bytea[])`,
      [tenantId, [...byDigest.keys()].map((h) => Buffer.from(h, 'hex'))],
    );
    for (const r of rows) out.add(byDigest.get(r.digest.toString('hex')) as string);
    return out;
  }

  private keys(tenantId: string): Buffer[] {
    let keys = this.byTenant.get(tenantId);
    if (!keys) {
      keys = this.secrets.derivedKeys(`regula erased-record key\n${tenantId}`);
      this.byTenant.set(tenantId, keys);
    }
    return keys;
  }
}
