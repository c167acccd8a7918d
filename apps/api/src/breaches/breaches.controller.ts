import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, JwtAuthGuard, RequirePermission, TenantAccess, TenantAccessGuard } from '@regula/auth';
import { BreachActor, BreachesService } from '@regula/breaches';
import { ClientIp, CurrentTenant, CurrentUser } from '../common/current-user.decorator';
import { ApiErrors, ApiIdParam, ApiTenantSlug } from '../common/openapi';
import { ApiExportBuildFailure, ApiExportFile } from '../exports/export-openapi';
import { sendExportFile } from '../exports/export-download';
import { BreachListResponse, BreachResponse } from './dto/breach.response';
import { BreachRegisterExport } from './export/breach-register-export.service';
import { AuthorityNotifiedDto, BreachExportQueryDto, BreachListQueryDto, BreachParams, RecordBreachDto, SubjectsNotifiedDto, UpdateBreachDto } from './dto/breach.dto';

const actorOf = (user: AuthUser, access: TenantAccess, ip: string): BreachActor => ({ userId: user.id, label: `${user.email} (${access.role})`, ip });

/**
 * The breach register (GDPR Art. 33 and 34). Reading needs breaches:read
 * (auditors too); recording and every change need breaches:write.
 */
@ApiTags('breaches')
@ApiBearerAuth()
@ApiTenantSlug()
// 400: a slug, id, query or body the API refuses (the message names the field).
@ApiErrors(400, 401, 403, 404, 503)
@Controller('api/v1/tenants/:slug/breaches')
@UseGuards(JwtAuthGuard, TenantAccessGuard)
export class BreachesController {
  constructor(private readonly breaches: BreachesService, private readonly registerExport: BreachRegisterExport) {}

  @Post()
  @RequirePermission('breaches:write')
  @ApiOperation({ summary: 'Records a breach; the 72-hour clock runs from awareAt (no weekend or holiday shift), with reminders to the compliance admins' })
  @ApiCreatedResponse({ type: BreachResponse })
  record(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Body() dto: RecordBreachDto) {
    return this.breaches.record(access.tenantId, actorOf(user, access, ip), dto);
  }

  @Get()
  @RequirePermission('breaches:read')
  @ApiOperation({ summary: 'The breach register: open breaches first, by deadline' })
  @ApiOkResponse({ type: BreachListResponse })
  list(@CurrentTenant() access: TenantAccess, @Query() q: BreachListQueryDto) {
    return this.breaches.list(access.tenantId, q);
  }

  @Get('export.xlsx')
  @RequirePermission('breaches:read')
  @ApiOperation({ summary: 'The whole register as an Excel workbook: one row per breach, the facts of the JSON register, headings and coded values in `lang`; audited' })
  @ApiExportFile('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'One sheet, one row per breach')
  exportXlsx(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Query() q: BreachExportQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.exportRegister('xlsx', user, access, ip, q, res);
  }

  @Get('export.pdf')
  @RequirePermission('breaches:read')
  @ApiOperation({ summary: 'The whole register as a PDF: per breach its facts, headings and coded values in `lang`; audited' })
  @ApiExportFile('application/pdf', 'A4, a table of facts per breach')
  @ApiExportBuildFailure()
  exportPdf(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Query() q: BreachExportQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.exportRegister('pdf', user, access, ip, q, res);
  }

  private async exportRegister(format: 'xlsx' | 'pdf', user: AuthUser, access: TenantAccess, ip: string, q: BreachExportQueryDto, res: Response) {
    return sendExportFile(res, await this.registerExport.export(access.tenantId, format, q.lang ?? 'en', { userId: user.id, label: `${user.email} (${access.role})`, ip }));
  }

  @Get(':id')
  @RequirePermission('breaches:read')
  @ApiOperation({ summary: 'One breach with its clock (deadline explained, reminders sent, deadline-passed flag)' })
  @ApiIdParam('The breach id (GET .../breaches lists them)')
  @ApiOkResponse({ type: BreachResponse })
  get(@CurrentTenant() access: TenantAccess, @Param() p: BreachParams) {
    return this.breaches.get(access.tenantId, p.id);
  }

  @Patch(':id')
  @RequirePermission('breaches:write')
  @ApiOperation({ summary: 'Updates the documentation (every change audited); status closed only when nothing required is outstanding' })
  @ApiIdParam('The breach id (GET .../breaches lists them)')
  @ApiOkResponse({ type: BreachResponse })
  @ApiErrors(409)
  update(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Param() p: BreachParams, @Body() dto: UpdateBreachDto) {
    return this.breaches.update(access.tenantId, p.id, actorOf(user, access, ip), dto);
  }

  @Post(':id/authority-notified')
  @HttpCode(200)
  @RequirePermission('breaches:write')
  @ApiOperation({ summary: 'Records the notification to the supervisory authority (Art. 33(1)); after 72 hours, delayReasons are required' })
  @ApiIdParam('The breach id (GET .../breaches lists them)')
  @ApiOkResponse({ type: BreachResponse })
  @ApiErrors(409)
  authorityNotified(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Param() p: BreachParams, @Body() dto: AuthorityNotifiedDto) {
    return this.breaches.notifyAuthority(access.tenantId, p.id, actorOf(user, access, ip), dto);
  }

  @Post(':id/subjects-notified')
  @HttpCode(200)
  @RequirePermission('breaches:write')
  @ApiOperation({ summary: 'Records that the data subjects were told (Art. 34(1)), or the Art. 34(3) exemption that applies (high risk only)' })
  @ApiIdParam('The breach id (GET .../breaches lists them)')
  @ApiOkResponse({ type: BreachResponse })
  @ApiErrors(409)
  subjectsNotified(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Param() p: BreachParams, @Body() dto: SubjectsNotifiedDto) {
    return this.breaches.notifySubjects(access.tenantId, p.id, actorOf(user, access, ip), dto);
  }
}
