import { EntityManager } from 'typeorm';
import type { MintFor } from '@regula/mail';
import { CODE_TTL_MINUTES, matchesHash, newStatusToken, newVerificationCode, sha256Hex } from '../request-secrets';
import { RightsRequestEntity } from '../rights-request.entity';

/** A status link's token, minted per e-mail when the e-mail is sent (request-received, verify-email). */
export const REQUEST_LINK_TOKEN = 'request-link-token';
/** The six-digit e-mail code, minted when the verify-email is sent. */
export const REQUEST_EMAIL_CODE = 'request-email-code';

function requestOf(email: MintFor): string {
  if (!email.requestId) throw new Error(`e-mail ${email.emailId} carries a request secret but belongs to no request`);
  return email.requestId;
}

/**
 * A fresh status-link token for this e-mail; its hash replaces the one an
 * earlier attempt at the same e-mail minted (that copy may never have
 * arrived), while other e-mails' links and the filer's own link keep working.
 */
export async function mintLinkToken(em: EntityManager, email: MintFor): Promise<string> {
  const token = newStatusToken();
  await em.query(
    `INSERT INTO request_link_tokens (tenant_id, request_id, email_id, token_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT (email_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()`,
    [email.tenantId, requestOf(email), email.emailId, sha256Hex(token)],
  );
  return token;
}

/**
 * A fresh e-mail code: its hash replaces any earlier one (a resent code
 * invalidates the last), valid CODE_TTL_MINUTES from now, attempts counted
 * afresh. Once the address is confirmed nothing is stored: the code sent
 * then unlocks nothing.
 */
export async function mintEmailCode(em: EntityManager, email: MintFor): Promise<string> {
  const code = newVerificationCode();
  await em
    .createQueryBuilder()
    .update(RightsRequestEntity)
    .set({ verificationHash: sha256Hex(code), verificationExpiresAt: () => `now() + interval '${CODE_TTL_MINUTES} minutes'`, verificationAttempts: 0 })
    .where('id = :id AND tenant_id = :t AND email_verified_at IS NULL', { id: requestOf(email), t: email.tenantId })
    .execute();
  return code;
}

/**
 * Whether `token` opens the request's status page: the filer's own link
 * (shown on the confirmation page, hashed on the request) or the link of an
 * e-mail sent for it. Only hashes are compared.
 */
export async function statusTokenMatches(em: EntityManager, req: Pick<RightsRequestEntity, 'id' | 'statusTokenHash'> | null, token: string): Promise<boolean> {
  if (typeof token !== 'string' || !token) return false;
  const own = matchesHash(token, req?.statusTokenHash ?? '0'.repeat(64));
  // The same work whether the reference exists or not: a timing difference would tell references apart.
  const [hit] = await em.query(`SELECT 1 FROM request_link_tokens WHERE request_id = $1 AND token_hash = $2 LIMIT 1`, [req?.id ?? NO_REQUEST, sha256Hex(token)]);
  return !!req && (own || !!hit);
}

const NO_REQUEST = '00000000-0000-0000-0000-000000000000';
