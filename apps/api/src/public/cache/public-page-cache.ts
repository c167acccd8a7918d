import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { APP_CONFIG, ApiConfig, CLOCK, type Clock, publicBaseUrl } from '@regula/platform';
import { PublicHttpRequest, PublicSiteService } from '../public-site.service';
import { buildFingerprint } from './build-fingerprint';
import { cacheControl, localDay } from './page-freshness';
import { setPageHeaders } from '../../web/public-page.headers';

/** What a cacheable public page is, besides its tenant, language and day. */
export interface PageSpec {
  /** The route (e.g. 'privacy', 'form'). */
  view: string;
  /** The query and path values that change the page (strings; any other value makes the page uncacheable). */
  params?: Record<string, unknown>;
  contentType: string;
  /** One published version's data, which never changes: kept a year. */
  immutable?: boolean;
}

/** What a page's renderer answers: the status and the body (only a 200 is cached). */
export interface RenderedPage {
  status: number;
  body: string | undefined;
}

interface Entry {
  etag: string;
  /** Encoded once: a kept page is sent as it is (encoding a policy's text on every request cost more than the rest of a hit). */
  body: Buffer;
}

const PARAM = /^[\w.:-]{0,64}$/;

/**
 * The public pages that show only what was published (the policy in force,
 * any version, the archive, a diff, the home page, the request forms, the
 * JSON and JSON-LD), served from memory under a key of everything they show:
 * the tenant and its generation (PageGenerations: its definition, confirmed
 * facts, registers and published versions), the tenant's calendar day on the
 * CLOCK (the version in force, the "upcoming" line and the banner change with
 * it), the language, the route and its parameters, and the build. The ETag is
 * a hash of that key, so any node answers 304 for a page another node sent
 * without rendering it; Cache-Control lets browsers keep it no longer than
 * PUBLIC_PAGE_MAX_AGE_SECONDS and never past the tenant's next midnight. A
 * page that cannot be keyed (Redis unreachable, odd parameters) is rendered
 * as before and not kept. Rate limits run before this (PublicRateLimitGuard).
 */
@Injectable()
export class PublicPageCache {
  private readonly entries = new Map<string, Entry>();
  /** Renders under way: requests for a page being rendered wait for that one (a new day or generation starts many at once). */
  private readonly rendering = new Map<string, Promise<RenderedPage>>();
  private readonly build: string;

  constructor(
    private readonly site: PublicSiteService,
    @Inject(APP_CONFIG) private readonly cfg: ApiConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.build = buildFingerprint([publicBaseUrl(cfg)]);
  }

  /**
   * Sends the page (the route takes `@Res()` without passthrough: a kept page is a
   * Buffer, which Nest would send as JSON); a render's error goes to the route's
   * exception filter as before.
   */
  async serve(slug: string, req: PublicHttpRequest, res: Response, spec: PageSpec, render: () => Promise<RenderedPage>): Promise<void> {
    const { tenant, lang, generation } = await this.site.tenant(slug, req);
    // An HTML page's strict CSP and Vary (its route needs no interceptor: a hit goes through no RxJS pipeline).
    if (spec.contentType.startsWith('text/html')) setPageHeaders(res);
    const params = spec.params ? Object.entries(spec.params).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)) : [];
    const keyable = generation !== undefined && params.every(([, v]) => typeof v === 'string' && PARAM.test(v));
    const now = this.clock();
    const timeZone = tenant.def.jurisdiction.timeZone;
    if (!keyable) return this.send(res, spec, await render());

    let key = `${this.build}\n${spec.view}\n${tenant.id}\n${generation}\n${localDay(now, timeZone)}\n${lang}`;
    for (const [k, v] of params) key += `\n${k}=${v as string}`;
    const kept = this.entries.get(key);
    // A kept page carries its ETag: a hit hashes nothing.
    const etag = kept?.etag ?? etagOf(key);
    const headers = () => {
      res.setHeader('ETag', etag);
      res.setHeader('Cache-Control', cacheControl(now, timeZone, this.cfg.PUBLIC_PAGE_MAX_AGE_SECONDS, spec.immutable));
      res.setHeader('Content-Type', spec.contentType);
    };
    if (matches(req.headers['if-none-match'], etag)) {
      headers();
      res.status(304).end();
      return;
    }
    if (kept) {
      // Least recently used last to go: a hit moves the entry to the end.
      this.entries.delete(key);
      this.entries.set(key, kept);
      headers();
      return sendKept(req, res, kept.body);
    }
    const page = await this.once(key, render);
    if (page.status !== 200 || page.body === undefined) return this.send(res, spec, page);
    const body = Buffer.from(page.body, 'utf8');
    this.keep(key, { etag, body });
    headers();
    sendKept(req, res, body);
  }

  /** One render per key at a time; a failed render fails each request that waited for it (each gets its error page). */
  private once(key: string, render: () => Promise<RenderedPage>): Promise<RenderedPage> {
    const running = this.rendering.get(key);
    if (running) return running;
    const started = render().finally(() => this.rendering.delete(key));
    this.rendering.set(key, started);
    return started;
  }

  /** A page not kept: as before, never stored by anyone. */
  private send(res: Response, spec: PageSpec, page: RenderedPage): void {
    res.setHeader('Content-Type', spec.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.status(page.status).send(page.body);
  }

  private keep(key: string, entry: Entry): void {
    const max = this.cfg.PUBLIC_PAGE_CACHE_ENTRIES;
    if (max === 0) return;
    this.entries.set(key, entry);
    while (this.entries.size > max) this.entries.delete(this.entries.keys().next().value as string);
  }
}

/** The strong ETag of a key: the same on every node of one build. */
function etagOf(key: string): string {
  return `"${createHash('sha256').update(key).digest('base64url').slice(0, 27)}"`;
}

/**
 * A kept page's 200, its headers set: straight to Node's response (Express's
 * `send` would look at the body's type and the request's freshness again,
 * which `serve` has settled).
 */
function sendKept(req: PublicHttpRequest, res: Response, body: Buffer): void {
  res.statusCode = 200;
  res.setHeader('Content-Length', body.length);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Does `If-None-Match` name this ETag (or `*`)? */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}
