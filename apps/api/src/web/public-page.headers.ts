import type { NextFunction, Request, Response } from 'express';
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

/**
 * setPageHeaders as middleware, for every route of the public pages' controllers
 * (PublicPagesModule): set before the guards and the handler, which may set
 * their own (a cached page's caching, a file's type). Middleware, not an
 * interceptor: Nest wraps each interceptor's call in an RxJS pipe and an async
 * resource, about a tenth of a cached page's CPU.
 */
export function publicPageHeaders(_req: Request, res: Response, next: NextFunction): void {
  setPageHeaders(res);
  next();
}
