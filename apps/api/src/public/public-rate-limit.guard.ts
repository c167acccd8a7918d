import { CanActivate, ExecutionContext, HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, ApiConfig, RateLimit, RateLimiter } from '@regula/platform';
import { GENERATION_ON_REQUEST, PublicHttpRequest, PublicSiteService, clientIp } from './public-site.service';
import { PublicLimits, publicLimits } from './public-limits';

export class TooManyPublicRequests extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super('Too Many Requests', HttpStatus.TOO_MANY_REQUESTS);
  }
}

/**
 * Counts every public request against the configured limits (publicLimits);
 * 429 (TooManyPublicRequests) when over. The same Redis command reads the
 * page generation of the URL's tenant when this node knows it
 * (PublicSiteService.generationKey), so a page served from memory costs one
 * round trip, not two.
 */
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  private readonly limits: PublicLimits;

  constructor(private readonly limiter: RateLimiter, private readonly site: PublicSiteService, @Inject(APP_CONFIG) cfg: ApiConfig) {
    this.limits = publicLimits(cfg);
  }

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<PublicHttpRequest>();
    const ip = clientIp(req);
    const checks: [RateLimit, string][] = [];
    if (req.method === 'GET' || req.method === 'HEAD') checks.push([this.limits.pagesPerIp, ip]);
    else {
      checks.push([this.limits.postsPerIp, ip]);
      const email = (req.body as Record<string, unknown> | undefined)?.email;
      if (typeof email === 'string' && email.trim()) checks.push([this.limits.postsPerEmail, email.trim().toLowerCase()]);
      const reference = req.params?.reference;
      if (reference && /\/verify$/.test(req.path)) checks.push([this.limits.codesPerReference, `${req.params.tenant}/${reference}`]);
    }
    const slug = req.params?.tenant;
    const read = typeof slug === 'string' ? this.site.generationKey(slug) : undefined;
    const { verdict, value } = await this.limiter.hitAndRead(checks, read);
    if (read !== undefined) req[GENERATION_ON_REQUEST] = { slug: slug as string, value };
    if (!verdict.allowed) throw new TooManyPublicRequests(verdict.retryAfterSeconds);
    return true;
  }
}
