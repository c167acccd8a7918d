import { Controller, Get, Param, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { PublicHttpRequest } from '../public-site.service';
import { PublicRateLimitGuard } from '../public-rate-limit.guard';
import { PublicExceptionFilter } from '../public-exception.filter';
import { renderedPage as rendered } from '../page-result';
import { PublicPageCache } from '../cache/public-page-cache';
import { PrivacyPagesService } from './privacy-pages.service';

const HTML = 'text/html; charset=utf-8';

type QueryParams = Record<string, unknown>;

/**
 * The privacy policy as the public reads it: /t/:tenant/privacy (in force,
 * per language), /privacy/versions (the archive), /privacy/versions/:n,
 * /privacy/diff, and the machine-readable /privacy.json and /privacy.jsonld.
 * Every one is served from the public page cache (PublicPageCache), counted
 * by the rate limit first; the cache sets the HTML pages' headers (CSP, Vary),
 * so these routes have no interceptor.
 */
@ApiExcludeController()
@Controller('t/:tenant')
@UseGuards(PublicRateLimitGuard)
@UseFilters(PublicExceptionFilter)
export class PrivacyPagesController {
  constructor(private readonly pages: PrivacyPagesService, private readonly cache: PublicPageCache) {}

  @Get('privacy')
  current(@Param('tenant') tenant: string, @Req() req: PublicHttpRequest, @Res() res: Response) {
    return this.cache.serve(tenant, req, res, { view: 'privacy', contentType: HTML }, async () => rendered(await this.pages.policy(tenant, req)));
  }

  @Get('privacy/versions')
  versions(@Param('tenant') tenant: string, @Req() req: PublicHttpRequest, @Res() res: Response) {
    return this.cache.serve(tenant, req, res, { view: 'privacy-versions', contentType: HTML }, async () => rendered(await this.pages.versions(tenant, req)));
  }

  @Get('privacy/versions/:number')
  version(@Param('tenant') tenant: string, @Param('number') n: string, @Req() req: PublicHttpRequest, @Res() res: Response) {
    // The version's text never changes, but its page does (in force, archived, the banner): keyed like the others.
    return this.cache.serve(tenant, req, res, { view: 'privacy-version', params: { n }, contentType: HTML }, async () => rendered(await this.pages.policy(tenant, req, n)));
  }

  @Get('privacy/diff')
  diff(@Param('tenant') tenant: string, @Query() q: QueryParams, @Req() req: PublicHttpRequest, @Res() res: Response) {
    const params = { from: q.from, to: q.to, text: q.text };
    return this.cache.serve(tenant, req, res, { view: 'privacy-diff', params, contentType: HTML }, async () => rendered(await this.pages.diff(tenant, req, q)));
  }

  @Get('privacy.json')
  json(@Param('tenant') tenant: string, @Query() q: QueryParams, @Req() req: PublicHttpRequest, @Res() res: Response) {
    return this.data(tenant, 'json', 'application/json; charset=utf-8', q, req, res);
  }

  @Get('privacy.jsonld')
  jsonld(@Param('tenant') tenant: string, @Query() q: QueryParams, @Req() req: PublicHttpRequest, @Res() res: Response) {
    return this.data(tenant, 'jsonld', 'application/ld+json; charset=utf-8', q, req, res);
  }

  /** One version's data in one language never changes: with both in the URL it is kept a year. */
  private data(tenant: string, format: 'json' | 'jsonld', contentType: string, q: QueryParams, req: PublicHttpRequest, res: Response) {
    const spec = { view: `privacy.${format}`, params: { lang: q.lang, version: q.version }, contentType, immutable: q.lang !== undefined && q.version !== undefined };
    return this.cache.serve(tenant, req, res, spec, async () => ({ status: 200, body: JSON.stringify(await this.pages.data(tenant, req, format, q), null, 2) }));
  }
}
