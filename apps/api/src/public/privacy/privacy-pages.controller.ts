import { Controller, Get, Header, Param, Query, Req, Res, UseFilters, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { PublicHttpRequest } from '../public-site.service';
import { PublicRateLimitGuard } from '../public-rate-limit.guard';
import { PublicPageHeaders } from '../../web/public-page.headers';
import { PublicExceptionFilter } from '../public-exception.filter';
import { PageResult } from '../page-result';
import { PrivacyPagesService } from './privacy-pages.service';

function send(res: Response, r: PageResult): string | undefined {
  res.status(r.status);
  return r.html;
}

type QueryParams = Record<string, unknown>;

/**
 * The privacy policy as the public reads it: /t/:tenant/privacy (in force,
 * per language), /privacy/versions (the archive), /privacy/versions/:n,
 * /privacy/diff, and the machine-readable /privacy.json and /privacy.jsonld.
 */
@ApiExcludeController()
@Controller('t/:tenant')
@UseGuards(PublicRateLimitGuard)
@UseFilters(PublicExceptionFilter)
export class PrivacyPagesController {
  constructor(private readonly pages: PrivacyPagesService) {}

  @Get('privacy')
  @UseInterceptors(PublicPageHeaders)
  async current(@Param('tenant') tenant: string, @Req() req: PublicHttpRequest, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.pages.policy(tenant, req));
  }

  @Get('privacy/versions')
  @UseInterceptors(PublicPageHeaders)
  async versions(@Param('tenant') tenant: string, @Req() req: PublicHttpRequest, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.pages.versions(tenant, req));
  }

  @Get('privacy/versions/:number')
  @UseInterceptors(PublicPageHeaders)
  async version(@Param('tenant') tenant: string, @Param('number') n: string, @Req() req: PublicHttpRequest, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.pages.policy(tenant, req, n));
  }

  @Get('privacy/diff')
  @UseInterceptors(PublicPageHeaders)
  async diff(@Param('tenant') tenant: string, @Query() q: QueryParams, @Req() req: PublicHttpRequest, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.pages.diff(tenant, req, q));
  }

  @Get('privacy.json')
  @Header('Content-Type', 'application/json; charset=utf-8')
  @Header('Cache-Control', 'no-cache')
  async json(@Param('tenant') tenant: string, @Query() q: QueryParams, @Req() req: PublicHttpRequest) {
    return JSON.stringify(await this.pages.data(tenant, req, 'json', q), null, 2);
  }

  @Get('privacy.jsonld')
  @Header('Content-Type', 'application/ld+json; charset=utf-8')
  @Header('Cache-Control', 'no-cache')
  async jsonld(@Param('tenant') tenant: string, @Query() q: QueryParams, @Req() req: PublicHttpRequest) {
    return JSON.stringify(await this.pages.data(tenant, req, 'jsonld', q), null, 2);
  }
}
