import type { NextFunction, Request, Response } from 'express';

/**
 * The policy of every response without its own (the API's JSON, the OpenAPI
 * page, the queue board): scripts only from files of this origin, never
 * inline, so an injected `<script>` or `on…=` attribute does not run. No page
 * here has an inline script (the dashboard and public pages set stricter
 * policies of their own). Styles stay 'unsafe-inline': the OpenAPI page and
 * the queue board set style attributes.
 */
const DIRECTIVES = ["default-src 'self'", "img-src 'self' data:", "style-src 'self' 'unsafe-inline'", "script-src 'self'", "frame-ancestors 'none'", "form-action 'self'"];
export const APP_CSP = [...DIRECTIVES, "base-uri 'none'"].join('; ');
/** The same with `base-uri 'self'`, for a page that sets `<base href>` to its own path (the queue board). */
export const APP_CSP_WITH_BASE = [...DIRECTIVES, "base-uri 'self'"].join('; ');

/** Conservative headers for every response; pages load nothing from third parties. */
export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Content-Security-Policy', APP_CSP);
  next();
}
