type T = (key: string, vars?: Record<string, unknown>) => string;

/** Paging links of a dashboard list; `summaryKey` says "Page 1 of 2 (31 consents)" with the list's own noun and its plural. */
export function pagerOf(t: T, summaryKey: string, page: number, total: number, pageSize: number, link: (page: number) => string) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return {
    page,
    pages,
    summary: t(summaryKey, { page, pages, total }),
    prev: page > 1 ? link(page - 1) : undefined,
    next: page < pages ? link(page + 1) : undefined,
  };
}

/** A whole page number from a query string (1 when absent or nonsense). */
export function pageOf(v: unknown): number {
  const n = typeof v === 'string' ? Number(v) : 1;
  return Number.isInteger(n) && n >= 1 && n <= 100000 ? n : 1;
}
