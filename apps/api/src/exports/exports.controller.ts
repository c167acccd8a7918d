import { Controller, Get, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuthUser, JwtAuthGuard, RequirePermission, TenantAccess, TenantAccessGuard } from '@regula/auth';
import { ExportActor, ExportsService, RecordFormat } from '@regula/exports';
import { ClientIp, CurrentTenant, CurrentUser } from '../common/current-user.decorator';
import { ApiErrors, ApiQueryDay, ApiTenantSlug } from '../common/openapi';
import { ApiAsOf, ApiExportBuildFailure, ApiExportFile, ApiRegisterKey } from './export-openapi';
import { rethrowWithRetryAfter, sendExportFile, sendExportStream } from './export-download';
import { AsOfQueryDto, PeriodQueryDto, RegisterExportParams, TenantSlugParams } from './exports.dto';
import { packWords } from './pack-words';

const actorOf = (user: AuthUser, access: TenantAccess, ip: string): ExportActor => ({ userId: user.id, label: `${user.email} (${access.role})`, ip });

const send = sendExportFile;

/** Downloads for auditors and compliance admins; every download is audited with its SHA-256. */
@ApiTags('exports')
@ApiBearerAuth()
@ApiTenantSlug()
// 400: a slug, date or language the API refuses; 404 also for a date before the tenant was set up.
@ApiErrors(400, 401, 403, 404, 503)
@Controller('api/v1/tenants/:slug/exports')
@UseGuards(JwtAuthGuard, TenantAccessGuard)
@RequirePermission('exports:read')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  private async record(format: RecordFormat, access: TenantAccess, user: AuthUser, ip: string, q: AsOfQueryDto, res: Response) {
    return send(res, await this.exports.record(access.tenantId, format, q, actorOf(user, access, ip)));
  }

  @Get('record.xlsx')
  @ApiOperation({ summary: 'The Art. 30 record: ICO columns, CNIL retention per category and security checklist' })
  @ApiExportFile('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'The record as an Excel workbook')
  @ApiAsOf()
  @ApiExportBuildFailure()
  xlsx(@Param() _p: TenantSlugParams, @CurrentTenant() a: TenantAccess, @CurrentUser() u: AuthUser, @ClientIp() ip: string, @Query() q: AsOfQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.record('xlsx', a, u, ip, q, res);
  }

  @Get('record.csv')
  @ApiOperation({ summary: 'The Art. 30 record, one row per register' })
  @ApiExportFile('text/csv', 'The record as CSV (UTF-8)')
  @ApiAsOf()
  @ApiExportBuildFailure()
  csv(@Param() _p: TenantSlugParams, @CurrentTenant() a: TenantAccess, @CurrentUser() u: AuthUser, @ClientIp() ip: string, @Query() q: AsOfQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.record('csv', a, u, ip, q, res);
  }

  @Get('record.pdf')
  @ApiOperation({ summary: 'The Art. 30 record, print-ready (A4 landscape)' })
  @ApiExportFile('application/pdf', 'The record as PDF')
  @ApiAsOf()
  @ApiExportBuildFailure()
  pdf(@Param() _p: TenantSlugParams, @CurrentTenant() a: TenantAccess, @CurrentUser() u: AuthUser, @ClientIp() ip: string, @Query() q: AsOfQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.record('pdf', a, u, ip, q, res);
  }

  @Get('record.json')
  @ApiOperation({ summary: 'The Art. 30 record as JSON (DPV IRIs per legal basis and right)' })
  @ApiExportFile('application/json', 'The record as a JSON document (a download: see the export for its structure)')
  @ApiAsOf()
  @ApiExportBuildFailure()
  json(@Param() _p: TenantSlugParams, @CurrentTenant() a: TenantAccess, @CurrentUser() u: AuthUser, @ClientIp() ip: string, @Query() q: AsOfQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.record('json', a, u, ip, q, res);
  }

  @Get('record.jsonld')
  @ApiOperation({ summary: 'The Art. 30 record as JSON-LD in W3C DPV terms (inline context)' })
  @ApiExportFile('application/ld+json', 'The record as a JSON-LD document')
  @ApiAsOf()
  @ApiExportBuildFailure()
  jsonld(@Param() _p: TenantSlugParams, @CurrentTenant() a: TenantAccess, @CurrentUser() u: AuthUser, @ClientIp() ip: string, @Query() q: AsOfQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.record('jsonld', a, u, ip, q, res);
  }

  @Get('registers/:key/description.html')
  @ApiOperation({ summary: 'A register description (numbered layout), self-contained HTML' })
  @ApiRegisterKey()
  @ApiExportFile('text/html', 'The description as one HTML page')
  @ApiAsOf()
  @ApiExportBuildFailure()
  async descriptionHtml(@Param() p: RegisterExportParams, @CurrentTenant() a: TenantAccess, @CurrentUser() u: AuthUser, @ClientIp() ip: string, @Query() q: AsOfQueryDto, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.exports.description(a.tenantId, p.key, 'html', q, actorOf(u, a, ip)));
  }

  @Get('registers/:key/description.pdf')
  @ApiOperation({ summary: 'A register description (numbered layout), PDF' })
  @ApiRegisterKey()
  @ApiExportFile('application/pdf', 'The description as PDF')
  @ApiAsOf()
  @ApiExportBuildFailure()
  async descriptionPdf(@Param() p: RegisterExportParams, @CurrentTenant() a: TenantAccess, @CurrentUser() u: AuthUser, @ClientIp() ip: string, @Query() q: AsOfQueryDto, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.exports.description(a.tenantId, p.key, 'pdf', q, actorOf(u, a, ip)));
  }

  @Get('evidence-pack.zip')
  @ApiOperation({
    summary: 'Evidence pack of a period: record, descriptions, policies, request statistics, retention runs, breaches, audit log, manifest',
    description: 'Streamed (chunked, no Content-Length) while it is built; its SHA-256 comes as the HTTP trailer X-Content-SHA256 and in the audit entry. One pack per tenant and two per server at a time: 429 with Retry-After otherwise.',
  })
  @ApiExportFile('application/zip', 'The pack, streamed; its SHA-256 follows as the trailer X-Content-SHA256', { sha256Header: false })
  // The last 30 days to today: valid whenever the tenant existed today.
  @ApiQueryDay('from', "First day of the period (YYYY-MM-DD, controller's time zone); not after to", -30, true)
  @ApiQueryDay('to', 'Last day of the period, also the as-of date of the registers; not after today', 0, true)
  @ApiErrors(429)
  async evidencePack(@Param() _p: TenantSlugParams, @CurrentTenant() a: TenantAccess, @CurrentUser() u: AuthUser, @ClientIp() ip: string, @Query() q: PeriodQueryDto, @Req() req: Request, @Res() res: Response) {
    const pack = await this.exports.evidencePack(a.tenantId, q, actorOf(u, a, ip), packWords).catch((e: unknown) => rethrowWithRetryAfter(res, e));
    sendExportStream(req, res, pack);
  }
}
