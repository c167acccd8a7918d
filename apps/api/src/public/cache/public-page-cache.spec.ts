import type { Response } from 'express';
import type { ApiConfig } from '@regula/platform';
import type { PublicHttpRequest, PublicSiteService, RequestTenant } from '../public-site.service';
import { PublicPageCache, RenderedPage } from './public-page-cache';

/** A response that records what was sent. */
function response() {
  const sent: { status?: number; body?: unknown; headers: Record<string, string> } = { headers: {} };
  const res = {
    setHeader: (k: string, v: string) => (sent.headers[k.toLowerCase()] = v),
    status: (s: number) => {
      sent.status = s;
      return res;
    },
    send: (b: unknown) => (sent.body = b),
    // A kept page goes straight to Node's response: statusCode, then end(body).
    set statusCode(s: number) {
      sent.status = s;
    },
    end: (b?: unknown) => {
      if (b !== undefined) sent.body = b;
    },
  };
  return { res: res as unknown as Response, sent };
}

describe('PublicPageCache', () => {
  const tenant = { tenant: { id: 't1', slug: 'acme', def: { jurisdiction: { timeZone: 'Europe/Riga' } } }, lang: 'en', generation: '7' } as unknown as RequestTenant;
  let current: RequestTenant = tenant;
  const site = { tenant: async () => current } as unknown as PublicSiteService;
  const cfg = { PUBLIC_PAGE_MAX_AGE_SECONDS: 300, PUBLIC_PAGE_CACHE_ENTRIES: 2, PUBLIC_BASE_URL: '', PORT: 3000 } as unknown as ApiConfig;
  const req = (headers: Record<string, string> = {}) => ({ headers }) as unknown as PublicHttpRequest;
  let renders = 0;
  const render = (body: string) => async (): Promise<RenderedPage> => {
    renders++;
    return { status: 200, body };
  };
  const serve = async (cache: PublicPageCache, view: string, headers: Record<string, string> = {}, params?: Record<string, unknown>) => {
    const { res, sent } = response();
    await cache.serve('acme', req(headers), res, { view, params, contentType: 'text/html' }, render(`page ${view}`));
    return sent;
  };

  beforeEach(() => {
    renders = 0;
    current = tenant;
  });

  it('renders once, answers If-None-Match with 304, and keeps the most recently used pages', async () => {
    const cache = new PublicPageCache(site, cfg, () => new Date('2026-03-01T10:00:00Z'));
    const first = await serve(cache, 'a');
    expect(String(first.body)).toBe('page a');
    await serve(cache, 'a');
    expect(renders).toBe(1);
    expect((await serve(cache, 'a', { 'if-none-match': `W/"x", ${first.headers.etag}` })).status).toBe(304);
    await serve(cache, 'b');
    await serve(cache, 'a'); // a is now the most recent
    await serve(cache, 'c'); // b goes
    renders = 0;
    await serve(cache, 'a');
    await serve(cache, 'b');
    expect(renders).toBe(1);
  });

  it('renders afresh for a new generation, and keeps nothing it cannot key', async () => {
    const cache = new PublicPageCache(site, cfg, () => new Date('2026-03-01T10:00:00Z'));
    const before = await serve(cache, 'a');
    current = { ...tenant, generation: '8' };
    const after = await serve(cache, 'a');
    expect(renders).toBe(2);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const odd = await serve(cache, 'a', {}, { from: ['1', '2'] });
    expect(odd.headers['cache-control']).toBe('no-store');
    expect(odd.headers.etag).toBeUndefined();
    current = { ...tenant, generation: undefined };
    expect((await serve(cache, 'a')).headers['cache-control']).toBe('no-store');
  });
});
