import { EntityManager } from 'typeorm';
import { IdentifierError, normaliseEmail, normalisePhone } from '@regula/subjects';
import { RequestType } from './request-types';
import type { RightsRequestEntity } from './rights-request.entity';
import { TenantFacts } from './tenant-facts';

/** Days within which a request of the same type from the same subject is a duplicate, where the tenant's definition sets none (`requests.duplicateWindowDays`). */
export const DEFAULT_DUPLICATE_WINDOW_DAYS = 30;

/** The tenant's window in days (its definition's `requests.duplicateWindowDays`, else 30). */
export function duplicateWindowDays(facts: Pick<TenantFacts, 'duplicateWindowDays'>): number {
  const d = facts.duplicateWindowDays;
  return typeof d === 'number' && Number.isInteger(d) && d >= 0 && d <= 366 ? d : DEFAULT_DUPLICATE_WINDOW_DAYS;
}

/** A name or postal address compared without case, accents' composition or spacing ("  ANNA  Bērziņa" = "anna bērziņa"). */
export function foldText(value: string | null | undefined): string {
  return (value ?? '').normalize('NFC').toLocaleLowerCase('und').replace(/[\s,.]+/g, ' ').trim();
}

/** What identifies the requester on a request. */
export interface RequesterIdentity {
  requesterName: string;
  requesterEmail: string | null;
  requesterPhone?: string | null;
  requesterAddress?: string | null;
}

/**
 * The requester's identity values, normalised, as the keys two requests of the
 * same subject share: the e-mail address (lower-cased, trimmed: `e:`), the phone
 * in E.164 form with the name folded (`p:`), the postal address with the name
 * (`a:`). A phone or an address alone is not the person (a household shares
 * them), so each goes with the name. A value that cannot be normalised (a phone
 * without a country code where the tenant's country has none) gives no key.
 */
export function identityKeys(who: RequesterIdentity, country?: string): string[] {
  const keys: string[] = [];
  const phone = who.requesterPhone?.trim();
  const address = who.requesterAddress?.trim() ? foldText(who.requesterAddress) : '';
  // Folded only when a phone or an address needs it (a web filing gives neither).
  const name = phone || address ? foldText(who.requesterName) : '';
  if (who.requesterEmail?.trim()) {
    try {
      keys.push(`e:${normaliseEmail(who.requesterEmail)}`);
    } catch (e) {
      if (!(e instanceof IdentifierError)) throw e;
      keys.push(`e:${who.requesterEmail.trim().toLowerCase()}`);
    }
  }
  if (phone && name) {
    try {
      keys.push(`p:${normalisePhone(phone, country)}|${name}`);
    } catch (e) {
      if (!(e instanceof IdentifierError)) throw e;
    }
  }
  if (address && name) keys.push(`a:${address}|${name}`);
  return keys;
}

/** Where the window of a lookup opens, or null when there is nothing to look for (no key, or the tenant flags no duplicates). */
export function lookupFrom(facts: Pick<TenantFacts, 'duplicateWindowDays'>, input: { keys: string[]; receivedAt: Date }): Date | null {
  const days = duplicateWindowDays(facts);
  if (!input.keys.length || days === 0) return null;
  return new Date(input.receivedAt.getTime() - days * 86_400_000);
}

/** The earlier request a new one repeats: its id, reference and receipt. */
export interface EarlierRequest {
  id: string;
  reference: string;
}

/**
 * The earlier request of the same type from the same subject (a shared
 * identity key) received within the tenant's window before `receivedAt`, or
 * null: the first of them not itself a duplicate (the chain is linked to its
 * head), else the latest. A merged request is never the earlier one (it is
 * answered by its own earlier request). Two indexed reads (the keys in
 * `request_identity_keys`, then their requests: migration 1764600080001),
 * one statement: in a tenant's transaction, or alone on the pool (a web filing).
 */
export async function findEarlierRequest(
  em: EntityManager, facts: Pick<TenantFacts, 'id' | 'duplicateWindowDays'>, input: { type: RequestType; keys: string[]; receivedAt: Date; excludeId?: string },
): Promise<EarlierRequest | null> {
  const from = lookupFrom(facts, input);
  if (!from) return null;
  // One statement (migration 1764600079002): the tenant set for its own query, so it needs no transaction.
  const rows: EarlierRequest[] = await em.query(
    `SELECT id, reference FROM regula_earlier_request($1, $2, $3::text[], $4, $5, $6::uuid)`,
    [facts.id, input.type, input.keys, from, input.receivedAt, input.excludeId ?? null],
  );
  return rows[0] ?? null;
}

/** The references of the requests merged into `requestId`, oldest first: the answer to it names them too. */
export async function mergedReferences(em: EntityManager, tenantId: string, requestId: string): Promise<string[]> {
  const rows: { reference: string }[] = await em.query(
    `SELECT reference FROM rights_requests WHERE tenant_id = $1 AND duplicate_of = $2 AND state = 'merged' ORDER BY received_at, reference`,
    [tenantId, requestId],
  );
  return rows.map((r) => r.reference);
}

/** A request's earlier request and its later duplicates, as the request page and the API show them. */
export interface DuplicateLinks {
  /** The earlier request this one repeats (flagged when filed). */
  duplicateOf: { reference: string; state: string; receivedAt: Date; closedAt: Date | null } | null;
  /** The later requests flagged as duplicates of this one, oldest first. */
  duplicates: { reference: string; state: string; receivedAt: Date }[];
}

export async function duplicateLinks(em: EntityManager, tenantId: string, req: { id: string; duplicateOf: string | null }): Promise<DuplicateLinks> {
  const earlier: { reference: string; state: string; received_at: Date; closed_at: Date | null }[] = req.duplicateOf
    ? await em.query(`SELECT reference, state, received_at, closed_at FROM rights_requests WHERE tenant_id = $1 AND id = $2`, [tenantId, req.duplicateOf])
    : [];
  const later: { reference: string; state: string; received_at: Date }[] = await em.query(
    `SELECT reference, state, received_at FROM rights_requests WHERE tenant_id = $1 AND duplicate_of = $2 ORDER BY received_at, reference`,
    [tenantId, req.id],
  );
  return {
    duplicateOf: earlier[0] ? { reference: earlier[0].reference, state: earlier[0].state, receivedAt: earlier[0].received_at, closedAt: earlier[0].closed_at } : null,
    duplicates: later.map((r) => ({ reference: r.reference, state: r.state, receivedAt: r.received_at })),
  };
}

/** The keys and the earlier request computed again after the requester was corrected (the e-mail intake's forwards); the caller saves `req`. */
export async function relinkDuplicate(em: EntityManager, facts: TenantFacts, req: RightsRequestEntity): Promise<void> {
  req.identityKeys = identityKeys(req, facts.country);
  req.duplicateOf = (await findEarlierRequest(em, facts, { type: req.type, keys: req.identityKeys, receivedAt: req.receivedAt, excludeId: req.id }))?.id ?? null;
}
