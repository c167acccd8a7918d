import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { createHash, randomBytes } from 'node:crypto';
import { REDIS } from '@regula/platform';

/** How long a sign-in link is valid. */
export const SIGN_IN_LINK_TTL_SECONDS = 1800;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * One-time sign-in links for an account under backoff: the link (sent only
 * to the account's own e-mail address) lets one sign-in with the password
 * skip the wait. Only the token's SHA-256 is stored (Redis, expiring), and a
 * use takes it atomically (GETDEL), so it works once across every API node.
 * The link is not a password substitute: the password is still checked, so a
 * link someone else reads gives one unthrottled guess at most.
 */
@Injectable()
export class SignInLinks {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /**
   * Mints a link token for the user and stores its hash. Called by the mail
   * worker when it sends the e-mail (SignInLinkSecret), so the outbox never holds it.
   */
  async mint(userId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.redis.set(this.key(token), userId, 'EX', SIGN_IN_LINK_TTL_SECONDS);
    return token;
  }

  /** Takes the link: the user id it was minted for, or null (unknown, expired or used). Works once. */
  async consume(token: string): Promise<string | null> {
    if (!TOKEN.test(token)) return null;
    return this.redis.getdel(this.key(token));
  }

  private key(token: string): string {
    return `regula:sign-in-link:${createHash('sha256').update(token).digest('hex')}`;
  }
}
