import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { DownloadCodeNeededError, DownloadExpiredError, PackageDownloadsService } from '@regula/requests';
import { sendArtifact } from '../fulfilment/artifact-response';
import { DownloadRateLimitGuard } from '../fulfilment/download-rate-limit.guard';
import { formatInstant } from '../web/format';
import { PublicExceptionFilter } from './public-exception.filter';
import { PublicPagesService, referenceOr404, tokenOr404 } from './public-pages.service';
import { clientIp, pageUrl, PublicHttpRequest, PublicSiteService } from './public-site.service';
import { PublicRateLimitGuard } from './public-rate-limit.guard';
import { requestPath } from './request-status.view';

type Form = Record<string, unknown>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/**
 * The subject's files from the status link: a data package only with a
 * fresh single-use code from e-mail (asked for here), a reply document with
 * the link alone; after the download window a clear "expired" page (410).
 */
@ApiExcludeController()
@Controller('t/:tenant/requests/:reference')
@UseFilters(PublicExceptionFilter)
export class PackageDownloadController {
  constructor(private readonly site: PublicSiteService, private readonly pages: PublicPagesService, private readonly downloads: PackageDownloadsService) {}

  @Post('download-code')
  @UseGuards(PublicRateLimitGuard)
  async sendCode(@Param('tenant') slug: string, @Param('reference') reference: string, @Body() body: Form, @Req() req: PublicHttpRequest, @Res({ passthrough: true }) res: Response) {
    const { tenant, lang } = await this.site.tenant(slug, req);
    const ref = referenceOr404(reference);
    const token = tokenOr404(body?.token);
    try {
      await this.downloads.sendCode(tenant.id, ref, token, { ip: clientIp(req) });
    } catch (e) {
      return this.failed(e, res, tenant, lang, ref, token);
    }
    res.redirect(303, `${pageUrl(requestPath(tenant, ref), lang, { token, codeSent: '1' })}#downloads`);
    return undefined;
  }

  @Post('download')
  @HttpCode(200)
  @UseGuards(DownloadRateLimitGuard)
  async download(@Param('tenant') slug: string, @Param('reference') reference: string, @Body() body: Form, @Req() req: PublicHttpRequest, @Res({ passthrough: true }) res: Response) {
    const { tenant, lang } = await this.site.tenant(slug, req);
    const ref = referenceOr404(reference);
    const token = tokenOr404(body?.token);
    const file = str(body?.file) ?? '';
    if (!UUID.test(file)) return this.failed(new DownloadCodeNeededError('missing'), res, tenant, lang, ref, token, this.site.t(lang)('status.packages.chooseFile'));
    try {
      return sendArtifact(res, await this.downloads.download(tenant.id, ref, token, file, str(body?.code) ?? '', { ip: clientIp(req) }));
    } catch (e) {
      return this.failed(e, res, tenant, lang, ref, token);
    }
  }

  /** The link alone: a reply document downloads; a data package is refused with the way to a code. */
  @Get('artifacts/:id')
  @UseGuards(DownloadRateLimitGuard)
  async artifact(@Param('tenant') slug: string, @Param('reference') reference: string, @Param('id') id: string, @Query('token') token: unknown, @Req() req: PublicHttpRequest, @Res({ passthrough: true }) res: Response) {
    const { tenant, lang } = await this.site.tenant(slug, req);
    const ref = referenceOr404(reference);
    const checked = tokenOr404(token);
    if (!UUID.test(id)) return this.failed(undefined, res, tenant, lang, ref, checked, undefined, HttpStatus.NOT_FOUND);
    try {
      return sendArtifact(res, await this.downloads.download(tenant.id, ref, checked, id, undefined, { ip: clientIp(req) }));
    } catch (e) {
      return this.failed(e, res, tenant, lang, ref, checked);
    }
  }

  /** A refused code: the status page with the message at the code field (403); an expired window: its own page (410); anything else as usual. */
  private async failed(e: unknown, res: Response, tenant: Awaited<ReturnType<PublicSiteService['tenant']>>['tenant'], lang: Awaited<ReturnType<PublicSiteService['tenant']>>['lang'], ref: string, token: string, message?: string, status?: number) {
    const t = this.site.t(lang);
    if (e instanceof DownloadExpiredError) {
      const page = this.site.page(tenant, lang, { title: t('status.packages.expiredTitle'), hasErrors: false, noindex: true });
      const date = formatInstant(e.expiredAt, lang, tenant.def.jurisdiction.timeZone);
      res.status(HttpStatus.GONE);
      return this.site.render('error', { ...page, error: { title: t('status.packages.expiredTitle'), message: t('status.packages.expiredText', { date }), showHome: true } });
    }
    if (e instanceof DownloadCodeNeededError) {
      res.status(HttpStatus.FORBIDDEN);
      const reason = message ?? t(`status.packages.refused.${String(e.extra.reason)}`);
      return this.pages.statusPage(tenant, lang, ref, token, { download: { error: reason } });
    }
    if (e === undefined && status) {
      res.status(status);
      return this.site.render('error', { ...this.site.page(tenant, lang, { title: t('errors.notFoundTitle'), hasErrors: false, noindex: true }), error: { title: t('errors.notFoundTitle'), message: t('errors.notFound'), showHome: true } });
    }
    throw e;
  }
}
