import { canonicalJson } from '@regula/platform';
import { AuditKeys, sameDigest } from './audit-keys';

/**
 * A signed statement "the chain `chain` had entry `seq` with hash `hash` at
 * `at`": `seal` over the head of the entries written before the chain was keyed
 * (made once), `head` over the head a verification found intact. Kept in
 * `audit_checkpoints` (where verification resumes) and published as a line of
 * the chain's checkpoint file, outside the database.
 */
export interface AuditCheckpoint {
  /** The tenant's id, or 'platform'. */
  chain: string;
  kind: 'seal' | 'head';
  seq: number;
  hash: string;
  at: string;
  keyId: string;
  mac: string;
}

export const chainName = (tenantId: string | null): string => tenantId ?? 'platform';

function signedText(c: Omit<AuditCheckpoint, 'keyId' | 'mac'>, keyId: string): string {
  return canonicalJson({ chain: c.chain, kind: c.kind, seq: c.seq, hash: c.hash, at: c.at, keyId });
}

export function signCheckpoint(keys: AuditKeys, c: Omit<AuditCheckpoint, 'keyId' | 'mac'>): AuditCheckpoint {
  const { keyId, mac } = keys.sign(signedText(c, keys.currentId));
  return { chain: c.chain, kind: c.kind, seq: c.seq, hash: c.hash, at: c.at, keyId, mac };
}

/** The signature verifies under a key this configuration holds. */
export function checkpointValid(keys: AuditKeys, c: AuditCheckpoint): boolean {
  const mac = keys.macWith(c.keyId, signedText(c, c.keyId));
  return mac !== undefined && typeof c.mac === 'string' && sameDigest(mac, c.mac);
}
