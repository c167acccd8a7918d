/**
 * Links in e-mails to the tenant's public request pages (apps/api/src/public).
 * One place, so the pages and the e-mails agree.
 */
export interface RequestLinks {
  /**
   * The status page; with a token only where the e-mail may carry one (the first two e-mails). In an
   * e-mail the token and the code are placeholders the worker fills when it sends it (RequestNotifier).
   */
  statusUrl(slug: string, reference: string, token?: string): string;
  /** The page where the e-mail code is typed, pre-filled. */
  verifyUrl(slug: string, reference: string, token: string, code: string): string;
}

export function requestLinks(baseUrl: string): RequestLinks {
  const base = baseUrl.replace(/\/+$/, '');
  const page = (slug: string, reference: string) => `${base}/t/${encodeURIComponent(slug)}/requests/${encodeURIComponent(reference)}`;
  return {
    statusUrl: (slug, reference, token) => (token ? `${page(slug, reference)}?token=${encodeURIComponent(token)}` : page(slug, reference)),
    verifyUrl: (slug, reference, token, code) => `${page(slug, reference)}/verify?token=${encodeURIComponent(token)}&code=${encodeURIComponent(code)}`,
  };
}
