import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, JwtAuthGuard, RequirePermission, TenantAccess, TenantAccessGuard } from '@regula/auth';
import { RetentionRunsService } from '@regula/retention';
import type { Actor } from '@regula/ingest';
import { ClientIp, CurrentTenant, CurrentUser } from '../common/current-user.decorator';
import { ApiErrors, ApiIdParam, ApiNoBody, ApiTenantSlug, DAY_OFFSET } from '../common/openapi';
import { RetentionDueResponse, RetentionLegalHoldResponse, RetentionRunDetailResponse, RetentionRunResponse, RetentionRunStartedResponse } from './dto/retention.response';
import { DueQueryDto, LegalHoldDto, RecordParams, RunParams, RunsQueryDto } from './retention.dto';

const actorOf = (user: AuthUser, access: TenantAccess, ip: string): Actor => ({ id: user.id, label: `${user.email} (${access.role})`, ip });

/** Retention runs (scheduled daily, or started here), what is due, and legal holds on records. */
@ApiTags('retention')
@ApiBearerAuth()
@ApiTenantSlug()
// 400: a slug, id, query or body the API refuses (the message names the field).
@ApiErrors(400, 401, 403, 404, 503)
@Controller('api/v1/tenants/:slug')
@UseGuards(JwtAuthGuard, TenantAccessGuard)
export class RetentionController {
  constructor(private readonly runs: RetentionRunsService) {}

  @Get('retention/runs')
  @RequirePermission('retention:read')
  @ApiOperation({ summary: 'Retention runs, newest first, with their totals' })
  @ApiOkResponse({ type: [RetentionRunResponse] })
  list(@CurrentTenant() access: TenantAccess, @Query() q: RunsQueryDto) {
    return this.runs.list(access.tenantId, q.limit);
  }

  @Get('retention/runs/:id')
  @RequirePermission('retention:read')
  @ApiOperation({ summary: 'One run with its counts per register and data category' })
  @ApiIdParam('The run id (GET .../retention/runs lists them)')
  @ApiOkResponse({ type: RetentionRunDetailResponse })
  get(@CurrentTenant() access: TenantAccess, @Param() p: RunParams) {
    return this.runs.get(access.tenantId, p.id);
  }

  @Post('retention/runs')
  @HttpCode(202)
  @RequirePermission('retention:run')
  @ApiOperation({ summary: 'Starts a retention run now (or answers the one already running); the worker sweeps it' })
  @ApiNoBody()
  @ApiResponse({ status: 202, type: RetentionRunStartedResponse, description: 'The run is accepted; the worker sweeps it' })
  start(@CurrentTenant() access: TenantAccess, @CurrentUser() user: AuthUser, @ClientIp() ip: string) {
    return this.runs.runNow(access.tenantId, actorOf(user, access, ip));
  }

  @Get('retention/due')
  @RequirePermission('retention:read')
  @ApiOperation({ summary: 'Records due at a date, per register and category, and what protects those that are kept' })
  @ApiQuery({
    name: 'before',
    required: false,
    description: 'Count records due at or before this instant (ISO 8601, or a date); default now',
    // a month ahead of the day the document is served: what the coming runs will sweep
    schema: { type: 'string', format: 'date-time', [DAY_OFFSET]: 30 } as Record<string, unknown>,
  })
  @ApiOkResponse({ type: [RetentionDueResponse] })
  due(@CurrentTenant() access: TenantAccess, @Query() q: DueQueryDto) {
    return this.runs.due(access.tenantId, q.before ? new Date(q.before) : new Date());
  }

  @Post('records/:id/legal-hold')
  @HttpCode(200)
  @RequirePermission('retention:run')
  @ApiOperation({ summary: 'Places a legal hold on a record: no retention run or erasure removes it (audited with the reason)' })
  @ApiIdParam('The personal-data record id')
  @ApiOkResponse({ type: RetentionLegalHoldResponse })
  hold(@CurrentTenant() access: TenantAccess, @CurrentUser() user: AuthUser, @ClientIp() ip: string, @Param() p: RecordParams, @Body() dto: LegalHoldDto) {
    return this.runs.setLegalHold(access.tenantId, p.id, true, dto.reason, actorOf(user, access, ip));
  }

  @Delete('records/:id/legal-hold')
  @HttpCode(200)
  @RequirePermission('retention:run')
  @ApiOperation({ summary: 'Lifts the legal hold of a record (audited with the reason); the reason goes in the body' })
  @ApiIdParam('The personal-data record id')
  @ApiOkResponse({ type: RetentionLegalHoldResponse })
  release(@CurrentTenant() access: TenantAccess, @CurrentUser() user: AuthUser, @ClientIp() ip: string, @Param() p: RecordParams, @Body() dto: LegalHoldDto) {
    return this.runs.setLegalHold(access.tenantId, p.id, false, dto.reason, actorOf(user, access, ip));
  }
}
