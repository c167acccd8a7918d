/** A rendered page and its HTTP status; `redirect` instead for POST-redirect-GET. */
export type PageResult = { status: number; html: string; redirect?: undefined } | { status: 303; redirect: string; html?: undefined };

/** A rendered page as the public page cache takes it (a redirect is never kept). */
export function renderedPage(r: PageResult): { status: number; body: string | undefined } {
  return { status: r.status, body: r.html };
}
