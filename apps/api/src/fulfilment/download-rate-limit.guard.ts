import { CanActivate, ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RateLimit, RateLimiter } from '@regula/platform';

/** The subject's downloads, per IP address (the status token is 256 bits: this only stops hammering). */
export const DOWNLOADS_PER_IP: RateLimit = { bucket: 'public-download-ip', max: 120, windowSeconds: 300 };

@Injectable()
export class DownloadRateLimitGuard implements CanActivate {
  constructor(private readonly limiter: RateLimiter) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<Request>();
    const verdict = await this.limiter.hit([DOWNLOADS_PER_IP, req.ip ?? 'unknown']);
    if (verdict.allowed) return true;
    ctx.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(verdict.retryAfterSeconds));
    throw new HttpException('Too Many Requests', HttpStatus.TOO_MANY_REQUESTS);
  }
}
