import { Inject, Injectable, Optional } from '@nestjs/common';
import Redis from 'ioredis';
import { createHash, randomBytes } from 'node:crypto';
import type { BaseClient } from 'openid-client';
import { EntityManager } from 'typeorm';
import { AuditService } from '@regula/audit';
import { APP_CONFIG, ApiConfig, CLOCK, Clock, REDIS, TenantDb, UnauthorizedError, publicBaseUrl, systemClock } from '@regula/platform';
import { AccessTokens } from '../access-tokens.service';
import { AuthUser } from '../auth-user';
import { MembershipEntity } from '../membership.entity';
import { PasswordService } from '../password.service';
import { TenantRole } from '../permissions';
import { UserEntity } from '../user.entity';
import { UsersService } from '../users.service';
import { TooManyAttemptsError } from '../auth.service';
import { SignInThrottle } from '../sign-in-throttle.service';
import { openidClient, SsoEgress } from './sso-egress';
import { SsoClientSettings, SsoSettings } from './sso-settings.service';

/** How long a sign-in at the provider may take, from the start to the callback. */
export const SSO_TRANSACTION_SECONDS = 600;
/** Clock difference with the provider tolerated on the ID token's expiry. */
const CLOCK_TOLERANCE_SECONDS = 30;

/** Why a single sign-on was refused (audited `auth.sso-refused`; the page says one text for all but the first). */
export type SsoRefusal =
  /** No sign-in under way in this browser (expired, used already: a replayed answer, or another browser's). */
  | 'no-transaction'
  /** Single sign-on is off (or its secret no longer opens) for the tenant. */
  | 'not-configured'
  /** The provider could not be reached, or under the egress policy may not be. */
  | 'provider-unreachable'
  /** The provider answered with an error (the person cancelled, the code was refused). */
  | 'provider-error'
  /** The ID token failed openid-client's checks: issuer, audience, expiry, nonce, signature, state. */
  | 'token-invalid'
  /** Not a member of the tenant by (issuer, subject), and the e-mail address is not verified by the provider. */
  | 'email-not-verified'
  /** Not a member, and just-in-time membership is off. */
  | 'unknown-person'
  /** The member is bound to another subject of the same issuer. */
  | 'identity-taken'
  /** The account is disabled or its membership ended. */
  | 'account-inactive';

export class SsoRefusedError extends UnauthorizedError {
  constructor(readonly reason: SsoRefusal, readonly tenantId: string | null) {
    super(`single sign-on refused: ${reason}`, { reason });
  }
}

interface Transaction {
  tenantId: string;
  state: string;
  nonce: string;
  verifier: string;
  next: string;
}

type Match = { userId: string; matchedBy: 'subject' | 'email' | 'created'; role: TenantRole } | { refused: SsoRefusal };

/**
 * Staff sign-in with a tenant's OpenID Connect provider (issue 18 §2), beside
 * passwords: the authorization code flow with PKCE (S256), `state` and `nonce`
 * (openid-client checks the ID token's signature, issuer, audience, expiry and
 * nonce, and the state; Regula checks none of them by hand). A sign-in under
 * way is kept in Redis under the hash of a random value the browser holds in a
 * cookie, and taken once (GETDEL): an answer used twice, or brought by
 * another browser, finds nothing. The person is matched in the tenant by the
 * (issuer, subject) bound to their membership; else by the e-mail address only
 * when the provider says `email_verified: true` (the pair is then bound for
 * next time); else, with just-in-time membership on, made a member with the
 * chosen role; else refused. Every sign-in and refusal is audited in the
 * tenant's chain. The session opens only this tenant (AccessTokens `tnt`).
 */
@Injectable()
export class SsoSignIn {
  constructor(
    private readonly settings: SsoSettings,
    private readonly egress: SsoEgress,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly tokens: AccessTokens,
    private readonly throttle: SignInThrottle,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly cfg: ApiConfig,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  /** The one redirect URI of every tenant's client (registered at each provider). */
  redirectUri(): string {
    return `${publicBaseUrl(this.cfg)}/admin/sso/callback`;
  }

  /** Whether the tenant's sign-in page shows the button (and its provider's name). */
  buttonOf(tenantId: string): Promise<string | null> {
    return this.settings.buttonOf(tenantId);
  }

  /** Starts a sign-in: the provider's authorization URL, and the value for the browser's transaction cookie. */
  async start(tenantId: string, next: string, ip: string): Promise<{ url: string; transaction: string }> {
    // A start asks the provider for its discovery document: counted with the address's password sign-ins.
    const byIp = await this.throttle.ip(ip);
    if (byIp) throw new TooManyAttemptsError(byIp.retryAfterSeconds);
    const settings = await this.settings.client(tenantId);
    if (!settings) throw await this.refused('not-configured', tenantId, ip);
    const client = await this.clientOr(settings, ip);
    const { generators } = await openidClient();
    const tx: Transaction = { tenantId, state: generators.state(), nonce: generators.nonce(), verifier: generators.codeVerifier(), next };
    const transaction = randomBytes(32).toString('base64url');
    await this.redis.set(transactionKey(transaction), JSON.stringify(tx), 'EX', SSO_TRANSACTION_SECONDS);
    const url = client.authorizationUrl({
      scope: 'openid email profile', state: tx.state, nonce: tx.nonce, redirect_uri: this.redirectUri(),
      code_challenge: generators.codeChallenge(tx.verifier), code_challenge_method: 'S256',
    });
    if (!/^https?:\/\//i.test(url)) throw await this.refused('provider-unreachable', tenantId, ip, { problem: 'authorization endpoint is not an http(s) URL' });
    return { url, transaction };
  }

  /**
   * Finishes a sign-in with the provider's answer (the callback's query) and
   * the browser's transaction cookie: an access token for a dashboard session
   * limited to the tenant, and where to go next. SsoRefusedError otherwise.
   */
  async finish(transaction: string | null, params: Record<string, string>, ip: string): Promise<{ accessToken: string; user: AuthUser; tenantId: string; next: string }> {
    const raw = transaction && /^[A-Za-z0-9_-]{43}$/.test(transaction) ? await this.redis.getdel(transactionKey(transaction)) : null;
    if (!raw) throw await this.refused('no-transaction', null, ip);
    const tx = JSON.parse(raw) as Transaction;
    const settings = await this.settings.client(tx.tenantId);
    if (!settings) throw await this.refused('not-configured', tx.tenantId, ip);
    const client = await this.clientOr(settings, ip);
    let claims: Record<string, unknown>;
    try {
      const tokenSet = await client.callback(this.redirectUri(), params, { state: tx.state, nonce: tx.nonce, code_verifier: tx.verifier, response_type: 'code' });
      claims = tokenSet.claims() as Record<string, unknown>;
    } catch (e) {
      const { errors } = await openidClient();
      const reason: SsoRefusal = e instanceof errors.RPError ? 'token-invalid' : e instanceof errors.OPError ? 'provider-error' : 'provider-unreachable';
      throw await this.refused(reason, tx.tenantId, ip, { issuer: settings.issuer, problem: e instanceof Error ? e.message.slice(0, 300) : 'unknown' });
    }
    const identity = { issuer: String(claims.iss), subject: String(claims.sub) };
    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase().slice(0, 320) : null;
    const verified = claims.email_verified === true;
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 200) : email;
    // Hashed before the transaction (argon2 takes a moment), used only for an account made just in time: a password nobody knows.
    const hash = settings.jitRole && verified && email ? await this.passwords.hash(randomBytes(32).toString('base64url')) : '';
    const match = await this.db.forTenant(tx.tenantId, (em) => this.match(em, settings, identity, { email, verified, name, hash }));
    if ('refused' in match) throw await this.refused(match.refused, tx.tenantId, ip, { ...identity, email, emailVerified: verified });
    const user = await this.users.loadAuthUser(match.userId, this.clock());
    if (!user || !user.memberships.some((m) => m.tenantId === tx.tenantId)) throw await this.refused('account-inactive', tx.tenantId, ip, { ...identity, email });
    await this.db.forTenant(tx.tenantId, (em) =>
      this.audit.append(em, {
        tenantId: tx.tenantId, actorId: user.id, actor: user.email, action: 'auth.login', targetType: 'user', targetId: user.id, ip,
        details: { method: 'sso', ...identity, matchedBy: match.matchedBy, ...(match.matchedBy === 'created' ? { jitRole: match.role } : {}) },
      }),
    );
    return { accessToken: await this.tokens.issue(user.id, this.clock(), { tenantId: tx.tenantId }), user, tenantId: tx.tenantId, next: tx.next };
  }

  private async match(
    em: EntityManager,
    settings: SsoClientSettings,
    identity: { issuer: string; subject: string },
    person: { email: string | null; verified: boolean; name: string | null; hash: string },
  ): Promise<Match> {
    const tenantId = settings.tenantId;
    const bound = await em.findOne(MembershipEntity, { where: { tenantId, ssoIssuer: identity.issuer, ssoSubject: identity.subject } });
    if (bound) return { userId: bound.userId, matchedBy: 'subject', role: bound.role };
    if (!person.email || !person.verified) return { refused: person.email ? 'email-not-verified' : 'unknown-person' };
    const user = await em.findOne(UserEntity, { where: { email: person.email } });
    const member = user ? await em.findOne(MembershipEntity, { where: { tenantId, userId: user.id } }) : null;
    if (member) {
      // Another subject of the same provider holds this membership: an e-mail address moved to another person there.
      if (member.ssoIssuer === identity.issuer) return { refused: 'identity-taken' };
      await em.update(MembershipEntity, { id: member.id, tenantId }, { ssoIssuer: identity.issuer, ssoSubject: identity.subject });
      return { userId: member.userId, matchedBy: 'email', role: member.role };
    }
    if (!settings.jitRole || !person.hash) return { refused: 'unknown-person' };
    const account = user ?? (await em.save(em.create(UserEntity, { email: person.email, displayName: person.name ?? person.email, passwordHash: person.hash, isPlatformAdmin: false, mustChangePassword: false })));
    const created = await em.save(em.create(MembershipEntity, { tenantId, userId: account.id, role: settings.jitRole, permissions: null, accessUntil: null, ssoIssuer: identity.issuer, ssoSubject: identity.subject }));
    await this.audit.append(em, {
      tenantId, actorId: null, actor: `sso: ${settings.providerName}`.slice(0, 200), action: 'membership.created', targetType: 'user', targetId: account.id,
      details: { email: person.email, role: settings.jitRole, justInTime: true, userCreated: !user, issuer: identity.issuer, subject: identity.subject },
    });
    return { userId: created.userId, matchedBy: 'created', role: settings.jitRole };
  }

  /** openid-client's client for the tenant, every request under the egress policy; refused (audited) when the provider cannot be used. */
  private async clientOr(settings: SsoClientSettings, ip: string): Promise<BaseClient> {
    try {
      return await this.clientFor(settings);
    } catch (e) {
      throw await this.refused('provider-unreachable', settings.tenantId, ip, { issuer: settings.issuer, problem: e instanceof Error ? e.message.slice(0, 300) : 'unknown' });
    }
  }

  private async clientFor(settings: SsoClientSettings): Promise<BaseClient> {
    const problem = await this.egress.problemOf(settings.issuer);
    if (problem) throw new Error(`issuer ${problem}`);
    const issuer = await this.egress.discover(settings.issuer);
    // OpenID Connect Discovery 1.0 §4.3: the document's issuer must be the one configured.
    if (issuer.metadata.issuer !== settings.issuer) throw new Error(`the discovery document names another issuer (${String(issuer.metadata.issuer).slice(0, 200)})`);
    for (const url of [issuer.metadata.token_endpoint, issuer.metadata.jwks_uri]) {
      const refused = url ? await this.egress.problemOf(url) : 'is missing';
      if (refused) throw new Error(`an endpoint of the provider ${refused}`);
    }
    const { custom } = await openidClient();
    issuer[custom.http_options] = this.egress.httpOptions;
    const client = new issuer.Client({ client_id: settings.clientId, client_secret: settings.clientSecret, redirect_uris: [this.redirectUri()], response_types: ['code'] });
    client[custom.http_options] = this.egress.httpOptions;
    // openid-client measures the ID token's expiry against the system clock; the tolerance carries the
    // difference to Regula's CLOCK, so the expiry is checked against the same "now" as everything else.
    const skewSeconds = Math.round((this.clock().getTime() - Date.now()) / 1000);
    client[custom.clock_tolerance] = CLOCK_TOLERANCE_SECONDS - skewSeconds;
    return client;
  }

  /** Audits the refusal (the tenant's chain, or the platform's when no tenant is known) and returns the error to throw. */
  private async refused(reason: SsoRefusal, tenantId: string | null, ip: string, details: Record<string, unknown> = {}): Promise<SsoRefusedError> {
    const entry = { tenantId, actorId: null, actor: 'anonymous', action: 'auth.sso-refused' as const, details: { reason, ...details }, ip };
    await (tenantId ? this.db.forTenant(tenantId, (em) => this.audit.append(em, entry)) : this.db.forPlatform((em) => this.audit.append(em, entry)));
    return new SsoRefusedError(reason, tenantId);
  }
}

const transactionKey = (transaction: string) => `regula:sso:${createHash('sha256').update(transaction).digest('hex')}`;
