import { Body, Controller, Get, Param, Post, Query, Req, Res, UploadedFile, UseFilters, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CheckedFileInterceptor } from '../common/input/checked-file.interceptor';
import type { Response } from 'express';
import { PublicPagesService } from './public-pages.service';
import { PageResult, renderedPage } from './page-result';
import { PublicHttpRequest } from './public-site.service';
import { PublicRateLimitGuard } from './public-rate-limit.guard';
import { PublicExceptionFilter } from './public-exception.filter';
import { IntakeGate } from './intake-gate.guard';
import { MAX_UPLOAD_BYTES } from './public-limits';
import { PublicPageCache } from './cache/public-page-cache';

const HTML = 'text/html; charset=utf-8';

function send(res: Response, r: PageResult): string | undefined {
  if (r.redirect !== undefined) {
    res.redirect(303, r.redirect);
    return undefined;
  }
  res.status(r.status);
  return r.html;
}

type Form = Record<string, unknown>;

/**
 * The data subject's pages under /t/:tenant/: home, a request form per right,
 * the confirmation, the e-mail code, the status page (upload, withdraw).
 * HTML forms, no JavaScript; every route rate-limited and admitted in order
 * through the intake gate (503 with Retry-After when it is full for too
 * long); the page headers set by PublicPagesModule's middleware; errors as
 * HTML pages. The home page and the empty forms show only
 * what was published: served from the public page cache (PublicPageCache).
 */
@ApiExcludeController()
@Controller('t/:tenant')
@UseGuards(PublicRateLimitGuard, IntakeGate)
@UseFilters(PublicExceptionFilter)
export class PublicPagesController {
  constructor(private readonly pages: PublicPagesService, private readonly cache: PublicPageCache) {}

  @Get()
  home(@Param('tenant') tenant: string, @Req() req: PublicHttpRequest, @Res() res: Response) {
    return this.cache.serve(tenant, req, res, { view: 'home', contentType: HTML }, async () => renderedPage(await this.pages.home(tenant, req)));
  }

  @Get('request/:type')
  form(@Param('tenant') tenant: string, @Param('type') type: string, @Req() req: PublicHttpRequest, @Res() res: Response) {
    return this.cache.serve(tenant, req, res, { view: 'form', params: { type }, contentType: HTML }, async () => renderedPage(await this.pages.form(tenant, type, req)));
  }

  @Post('request/:type')
  async file(@Param('tenant') tenant: string, @Param('type') type: string, @Body() body: Form, @Req() req: PublicHttpRequest, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.pages.file(tenant, type, body, req));
  }

  @Get('requests/:reference/verify')
  async verifyForm(@Param('tenant') tenant: string, @Param('reference') reference: string, @Query() query: Form, @Req() req: PublicHttpRequest, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.pages.verifyForm(tenant, reference, query, req));
  }

  @Post('requests/:reference/verify')
  async verify(@Param('tenant') tenant: string, @Param('reference') reference: string, @Body() body: Form, @Req() req: PublicHttpRequest, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.pages.verify(tenant, reference, body, req));
  }

  @Post('requests/:reference/resend')
  async resend(@Param('tenant') tenant: string, @Param('reference') reference: string, @Body() body: Form, @Req() req: PublicHttpRequest, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.pages.resend(tenant, reference, body, req));
  }

  @Get('requests/:reference')
  async status(@Param('tenant') tenant: string, @Param('reference') reference: string, @Query() query: Form, @Req() req: PublicHttpRequest, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.pages.status(tenant, reference, query, req));
  }

  @Post('requests/:reference/evidence')
  @UseInterceptors(CheckedFileInterceptor('document', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 } }))
  async evidence(
    @Param('tenant') tenant: string,
    @Param('reference') reference: string,
    @Body() body: Form,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Req() req: PublicHttpRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(res, await this.pages.evidence(tenant, reference, body, file, req));
  }

  @Post('requests/:reference/withdraw')
  async withdraw(@Param('tenant') tenant: string, @Param('reference') reference: string, @Body() body: Form, @Req() req: PublicHttpRequest, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.pages.withdraw(tenant, reference, body, req));
  }
}
