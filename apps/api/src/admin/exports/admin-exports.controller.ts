import { BadRequestException, Controller, Get, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '@regula/auth';
import { Lang, addLocalDays, formatLocalDate, localDateOf, resolveText } from '@regula/engine';
import type { Text } from '@regula/engine';
import { DESCRIPTION_FORMATS, EvidencePackBusyError, ExportActor, ExportStream, ExportsService, RECORD_FORMATS } from '@regula/exports';
import { RegistersService } from '@regula/registers';
import { sendExportFile, sendExportStream } from '../../exports/export-download';
import { languageName } from '../../web/format';
import { AdminSessionGuard } from '../session/admin-session.guard';
import { AdminExceptionFilter } from '../shared/admin-exception.filter';
import { AdminPages } from '../shared/admin-pages.service';
import { AdminHttpRequest, adminOf, clientIp, tenantOf } from '../shared/admin-request';
import { AdminTenantGuard } from '../shared/admin-tenant.guard';
import { packWords } from '../../exports/pack-words';

type FormQuery = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

function oneOf<T extends string>(value: unknown, allowed: readonly T[], name: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new BadRequestException(`${name} must be one of ${allowed.join(', ')}`);
}

/**
 * The Exports page: forms for the downloads of the REST API's exports routes
 * (record, register description, evidence pack), answered here with the
 * session cookie. The same ExportsService builds and audits every file;
 * `docLang` is the document's language (`lang` is the page's).
 */
@ApiExcludeController()
@Controller('admin/t/:slug/exports')
@UseFilters(AdminExceptionFilter)
@UseGuards(AdminSessionGuard, AdminTenantGuard)
@RequirePermission('exports:read')
export class AdminExportsController {
  constructor(private readonly pages: AdminPages, private readonly exports: ExportsService, private readonly registers: RegistersService) {}

  @Get()
  async page(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response) {
    const tenant = tenantOf(req);
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const today = localDateOf(new Date(), tenant.timeZone);
    const registers = await this.registers.listCurrent(tenant.id);
    const docLangs = [...new Set<Lang>([...tenant.def.jurisdiction.languages, 'en'])];
    return this.pages.render(req, res, 'exports/index', { title: t('exports.title') }, {
      base: `/admin/t/${tenant.slug}/exports`,
      today: formatLocalDate(today),
      monthAgo: formatLocalDate(addLocalDays(today, -30)),
      timeZone: tenant.timeZone,
      recordFormats: RECORD_FORMATS,
      descriptionFormats: DESCRIPTION_FORMATS,
      docLangs: docLangs.map((code, i) => ({ code, label: languageName(code), selected: i === 0 })),
      registers: registers.map((r) => ({ key: r.key, name: resolveText(r.definition.name as Text, lang).text, version: r.version })),
      importHref: tenant.permissions.includes('registers:write') ? `/admin/t/${tenant.slug}/record-import` : undefined,
    });
  }

  @Get('record')
  async record(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Query() q: FormQuery) {
    const format = oneOf(q.format, RECORD_FORMATS, 'format');
    return send(res, await this.exports.record(tenantOf(req).id, format, { asOf: str(q.asOf), lang: str(q.docLang) }, actorOf(req)));
  }

  @Get('description')
  async description(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Query() q: FormQuery) {
    const format = oneOf(q.format, DESCRIPTION_FORMATS, 'format');
    const key = str(q.register);
    if (!key || !/^[a-z0-9][a-z0-9-]{0,99}$/.test(key)) throw new BadRequestException('register must be a register key');
    return send(res, await this.exports.description(tenantOf(req).id, key, format, { asOf: str(q.asOf), lang: str(q.docLang) }, actorOf(req)));
  }

  /** Streamed like the API's; while a pack is being built, a page saying so (429, localised) instead of the shared error page. */
  @Get('evidence-pack')
  async evidencePack(@Req() req: AdminHttpRequest, @Res() res: Response, @Query() q: FormQuery) {
    const from = str(q.from);
    const to = str(q.to);
    if (!from || !to) throw new BadRequestException('from and to are required');
    let pack: ExportStream;
    try {
      pack = await this.exports.evidencePack(tenantOf(req).id, { from, to }, actorOf(req), packWords);
    } catch (e) {
      if (!(e instanceof EvidencePackBusyError)) throw e;
      const t = this.pages.t(this.pages.lang(req));
      res.setHeader('Retry-After', String(e.retryAfterSeconds));
      const html = await this.pages.render(req, res, 'shared/error', { title: t('exports.busyTitle'), status: 429 }, {
        error: { message: t(e.reason === 'tenant' ? 'exports.busyTenant' : 'exports.busyServer') },
      });
      res.send(html);
      return;
    }
    sendExportStream(req, res, pack);
  }
}

function actorOf(req: AdminHttpRequest): ExportActor {
  const { user } = adminOf(req);
  return { userId: user.id, label: `${user.email} (${tenantOf(req).role})`, ip: clientIp(req) };
}

const send = sendExportFile;
