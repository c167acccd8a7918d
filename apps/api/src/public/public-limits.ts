import { RateLimit } from '@regula/platform';

/**
 * Limits of the public pages (fixed windows in Redis, shared by all API
 * nodes). Reading pages is generous; posting is counted per IP address and,
 * when the form carries one, per e-mail address; code entry also per request.
 */
export const PUBLIC_LIMITS = {
  pagesPerIp: { bucket: 'public-get-ip', max: 300, windowSeconds: 300 },
  postsPerIp: { bucket: 'public-post-ip', max: 40, windowSeconds: 600 },
  postsPerEmail: { bucket: 'public-post-email', max: 5, windowSeconds: 3600 },
  codesPerReference: { bucket: 'public-code-ref', max: 10, windowSeconds: 3600 },
} satisfies Record<string, RateLimit>;

/** Identity documents: one file per upload, at most this size (the core checks the content). */
export const MAX_UPLOAD_MB = 10;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;
