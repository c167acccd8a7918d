import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { Observable } from 'rxjs';
import { PAGE_CSP } from './public-assets';

/**
 * Headers of every public HTML page: the strict CSP, no caching (pages may show
 * personal data), language negotiation. A page that shows only what was
 * published sets its own caching (apps/api/src/public/cache/public-page-cache.ts).
 */
export function setPageHeaders(res: Response): void {
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Security-Policy', PAGE_CSP);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Vary', 'Accept-Language');
}

@Injectable()
export class PublicPageHeaders implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    setPageHeaders(ctx.switchToHttp().getResponse<Response>());
    return next.handle();
  }
}
