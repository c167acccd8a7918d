import { Controller, Get, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuthUser, JwtAuthGuard, RequirePermission, TenantAccess, TenantAccessGuard } from '@regula/auth';
import { ExportActor, ExportsService, RecordFormat } from '@regula/exports';
import { ClientIp, CurrentTenant, CurrentUser } from '../common/current-user.decorator';
import { rethrowWithRetryAfter, sendExportFile, sendExportStream } from './export-download';
import { AsOfQueryDto, PeriodQueryDto, RegisterExportParams, TenantSlugParams } from './exports.dto';

const actorOf = (user: AuthUser, access: TenantAccess, ip: string): ExportActor => ({ userId: user.id, label: `${user.email} (${access.role})`, ip });

const send = sendExportFile;

/** Downloads for auditors and compliance admins; every download is audited with its SHA-256. */
@ApiTags('exports')
@ApiBearerAuth()
@Controller('api/v1/tenants/:slug/exports')
@UseGuards(JwtAuthGuard, TenantAccessGuard)
@RequirePermission('exports:read')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  private async record(format: RecordFormat, access: TenantAccess, user: AuthUser, ip: string, q: AsOfQueryDto, res: Response) {
    return send(res, await this.exports.record(access.tenantId, format, q, actorOf(user, access, ip)));
  }

  @Get('record.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: 'The Art. 30 record: ICO columns, CNIL retention per category and security checklist' })
  xlsx(@Param() _p: TenantSlugParams, @CurrentTenant() a: TenantAccess, @CurrentUser() u: AuthUser, @ClientIp() ip: string, @Query() q: AsOfQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.record('xlsx', a, u, ip, q, res);
  }

  @Get('record.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The Art. 30 record, one row per register' })
  csv(@Param() _p: TenantSlugParams, @CurrentTenant() a: TenantAccess, @CurrentUser() u: AuthUser, @ClientIp() ip: string, @Query() q: AsOfQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.record('csv', a, u, ip, q, res);
  }

  @Get('record.pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The Art. 30 record, print-ready (A4 landscape)' })
  pdf(@Param() _p: TenantSlugParams, @CurrentTenant() a: TenantAccess, @CurrentUser() u: AuthUser, @ClientIp() ip: string, @Query() q: AsOfQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.record('pdf', a, u, ip, q, res);
  }

  @Get('record.json')
  @ApiProduces('application/json')
  @ApiOperation({ summary: 'The Art. 30 record as JSON (DPV IRIs per legal basis and right)' })
  json(@Param() _p: TenantSlugParams, @CurrentTenant() a: TenantAccess, @CurrentUser() u: AuthUser, @ClientIp() ip: string, @Query() q: AsOfQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.record('json', a, u, ip, q, res);
  }

  @Get('record.jsonld')
  @ApiProduces('application/ld+json')
  @ApiOperation({ summary: 'The Art. 30 record as JSON-LD in W3C DPV terms (inline context)' })
  jsonld(@Param() _p: TenantSlugParams, @CurrentTenant() a: TenantAccess, @CurrentUser() u: AuthUser, @ClientIp() ip: string, @Query() q: AsOfQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.record('jsonld', a, u, ip, q, res);
  }

  @Get('registers/:key/description.html')
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'A register description (numbered layout), self-contained HTML' })
  async descriptionHtml(@Param() p: RegisterExportParams, @CurrentTenant() a: TenantAccess, @CurrentUser() u: AuthUser, @ClientIp() ip: string, @Query() q: AsOfQueryDto, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.exports.description(a.tenantId, p.key, 'html', q, actorOf(u, a, ip)));
  }

  @Get('registers/:key/description.pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'A register description (numbered layout), PDF' })
  async descriptionPdf(@Param() p: RegisterExportParams, @CurrentTenant() a: TenantAccess, @CurrentUser() u: AuthUser, @ClientIp() ip: string, @Query() q: AsOfQueryDto, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.exports.description(a.tenantId, p.key, 'pdf', q, actorOf(u, a, ip)));
  }

  @Get('evidence-pack.zip')
  @ApiProduces('application/zip')
  @ApiOperation({
    summary: 'Evidence pack of a period: record, descriptions, policies, request statistics, retention runs, breaches, audit log, manifest',
    description: 'Streamed (chunked, no Content-Length) while it is built; its SHA-256 comes as the HTTP trailer X-Content-SHA256 and in the audit entry. One pack per tenant and two per server at a time: 429 with Retry-After otherwise.',
  })
  async evidencePack(@Param() _p: TenantSlugParams, @CurrentTenant() a: TenantAccess, @CurrentUser() u: AuthUser, @ClientIp() ip: string, @Query() q: PeriodQueryDto, @Req() req: Request, @Res() res: Response) {
    const pack = await this.exports.evidencePack(a.tenantId, q, actorOf(u, a, ip)).catch((e: unknown) => rethrowWithRetryAfter(res, e));
    sendExportStream(req, res, pack);
  }
}
