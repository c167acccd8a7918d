/** A rendered page and its HTTP status; `redirect` instead for POST-redirect-GET. */
export type PageResult = { status: number; html: string; redirect?: undefined } | { status: 303; redirect: string; html?: undefined };
