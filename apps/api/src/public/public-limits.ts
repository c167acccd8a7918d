import { ApiConfig, RateLimit } from '@regula/platform';

export type PublicLimits = Record<'pagesPerIp' | 'postsPerIp' | 'postsPerEmail' | 'codesPerReference', RateLimit>;

/**
 * Limits of the public pages (fixed windows in Redis, shared by all API
 * nodes), from the configuration (PUBLIC_PAGES_*, PUBLIC_POSTS_*,
 * PUBLIC_CODES_*). Reading pages is generous, and a page served from the
 * cache counts like any other; posting is counted per IP address and, when
 * the form carries one, per e-mail address; code entry also per request.
 */
export function publicLimits(cfg: ApiConfig): PublicLimits {
  return {
    pagesPerIp: { bucket: 'public-get-ip', max: cfg.PUBLIC_PAGES_MAX_PER_IP, windowSeconds: cfg.PUBLIC_PAGES_WINDOW_SECONDS },
    postsPerIp: { bucket: 'public-post-ip', max: cfg.PUBLIC_POSTS_MAX_PER_IP, windowSeconds: cfg.PUBLIC_POSTS_WINDOW_SECONDS },
    postsPerEmail: { bucket: 'public-post-email', max: cfg.PUBLIC_POSTS_MAX_PER_EMAIL, windowSeconds: cfg.PUBLIC_POSTS_EMAIL_WINDOW_SECONDS },
    codesPerReference: { bucket: 'public-code-ref', max: cfg.PUBLIC_CODES_MAX_PER_REFERENCE, windowSeconds: cfg.PUBLIC_CODES_WINDOW_SECONDS },
  };
}

/** Identity documents: one file per upload, at most this size (the core checks the content). */
export const MAX_UPLOAD_MB = 10;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;
