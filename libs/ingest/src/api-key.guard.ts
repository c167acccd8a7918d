import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { RateLimit, RateLimiter, TenantDb, TooManyRequestsError, UnauthorizedError } from '@regula/platform';
import { TenantsService } from '@regula/tenancy';
import { SourceSystemEntity } from './source-system.entity';
import { bearerOf, parseApiKey, secretMatches } from './api-keys';

/** The source system a request of the ingest API authenticated as. */
export interface SourceSystemPrincipal {
  id: string;
  name: string;
  keyId: string;
  tenantId: string;
  tenantSlug: string;
}

/** Requests per key and minute (a 1000-item batch counts once). */
export const INGEST_KEY_LIMIT: RateLimit = { bucket: 'ingest-key', max: 120, windowSeconds: 60 };
/** Failed authentications per client address before it is refused for a while. */
export const INGEST_AUTH_FAILURE_LIMIT: RateLimit = { bucket: 'ingest-auth-fail', max: 30, windowSeconds: 900 };

const GENERIC = 'a valid API key of this tenant is required (Authorization: Bearer rk_...)';
const DUMMY_HASH = '0'.repeat(64);

/**
 * For /api/v1/ingest/:tenant/... (the tenant's slug; `:slug` works too): resolves the tenant, finds the key's
 * system inside that tenant's RLS scope (a key of another tenant is not
 * found), compares the secret's hash in constant time, and sets
 * `req.sourceSystem` (its tenant id included). Every failure is the same 401, whether the
 * tenant, the key or the system is wrong. Rate-limited per key.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly tenants: TenantsService,
    private readonly db: TenantDb,
    private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<{
      params: Record<string, string>;
      headers: Record<string, string | string[] | undefined>;
      ip?: string;
      sourceSystem?: SourceSystemPrincipal;
    }>();
    // 429; the API's filter sets Retry-After from the seconds.
    const tooMany = (seconds: number) => new TooManyRequestsError(`too many requests: retry in ${seconds} s`, seconds);
    const ip = req.ip ?? 'unknown';
    const blocked = await this.limiter.exceeded(INGEST_AUTH_FAILURE_LIMIT, ip);
    if (!blocked.allowed) throw tooMany(blocked.retryAfterSeconds);

    const principal = await this.authenticate(req.params.tenant ?? req.params.slug, bearerOf(req.headers.authorization));
    if (!principal) {
      await this.limiter.count(INGEST_AUTH_FAILURE_LIMIT, ip);
      throw new UnauthorizedError(GENERIC);
    }
    const verdict = await this.limiter.hit([INGEST_KEY_LIMIT, principal.keyId]);
    if (!verdict.allowed) throw tooMany(verdict.retryAfterSeconds);
    req.sourceSystem = principal;
    return true;
  }

  private async authenticate(slug: string | undefined, bearer: string | null): Promise<SourceSystemPrincipal | null> {
    const key = parseApiKey(bearer);
    const tenant = key && slug && /^[a-z0-9-]{1,64}$/.test(slug) ? await this.tenants.findBySlug(slug) : null;
    const row = tenant && key
      ? await this.db.forTenant(tenant.id, (em) =>
          em.createQueryBuilder(SourceSystemEntity, 's').addSelect('s.keyHash').where('s.key_id = :k AND s.tenant_id = :t', { k: key.keyId, t: tenant.id }).getOne(),
        )
      : null;
    // Compare even when nothing was found, so timing says nothing about which part was wrong.
    const match = secretMatches(key?.secret ?? '', row?.keyHash ?? DUMMY_HASH);
    if (!tenant || !row || !match || row.disabledAt) return null;
    return { id: row.id, name: row.name, keyId: row.keyId, tenantId: tenant.id, tenantSlug: tenant.slug };
  }
}
