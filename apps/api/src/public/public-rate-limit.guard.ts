import { CanActivate, ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { RateLimit, RateLimiter } from '@regula/platform';
import { clientIp } from './public-site.service';
import { PUBLIC_LIMITS } from './public-limits';

export class TooManyPublicRequests extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super('Too Many Requests', HttpStatus.TOO_MANY_REQUESTS);
  }
}

/** Counts every public request against PUBLIC_LIMITS; 429 (TooManyPublicRequests) when over. */
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  constructor(private readonly limiter: RateLimiter) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<Request>();
    const ip = clientIp(req);
    const checks: [RateLimit, string][] = [];
    if (req.method === 'GET' || req.method === 'HEAD') checks.push([PUBLIC_LIMITS.pagesPerIp, ip]);
    else {
      checks.push([PUBLIC_LIMITS.postsPerIp, ip]);
      const email = (req.body as Record<string, unknown> | undefined)?.email;
      if (typeof email === 'string' && email.trim()) checks.push([PUBLIC_LIMITS.postsPerEmail, email.trim().toLowerCase()]);
      const reference = req.params?.reference;
      if (reference && /\/verify$/.test(req.path)) checks.push([PUBLIC_LIMITS.codesPerReference, `${req.params.tenant}/${reference}`]);
    }
    const verdict = await this.limiter.hit(...checks);
    if (!verdict.allowed) throw new TooManyPublicRequests(verdict.retryAfterSeconds);
    return true;
  }
}
