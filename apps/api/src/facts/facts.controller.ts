import { Body, Controller, Get, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuthUser, JwtAuthGuard, RequirePermission, TenantAccess, TenantAccessGuard } from '@regula/auth';
import { FactConfirmationsService } from '@regula/registers';
import { ClientIp, CurrentTenant, CurrentUser } from '../common/current-user.decorator';
import { ApiErrors, ApiTenantSlug } from '../common/openapi';
import { ConfirmFactDto } from './confirm-fact.dto';
import { FactResponse } from './dto/fact.response';

@ApiTags('registers')
@ApiBearerAuth()
@Controller('api/v1/tenants/:slug/facts')
@UseGuards(JwtAuthGuard, TenantAccessGuard)
@RequirePermission('registers:read')
@ApiTenantSlug()
@ApiErrors(400, 401, 403, 404, 503)
export class FactsController {
  constructor(private readonly facts: FactConfirmationsService) {}

  @Get()
  @ApiOperation({ summary: 'Every fact a reader sees, with its provenance (stated, corrected, assumed, unknown, law), what rests on it and its confirmation' })
  @ApiQuery({ name: 'status', required: false, description: '`to-confirm`: only the assumed and unknown facts a published text would state', schema: { type: 'string', enum: ['all', 'to-confirm'], default: 'all', example: 'to-confirm' } })
  @ApiOkResponse({ type: FactResponse, isArray: true })
  list(@CurrentTenant() access: TenantAccess, @Query('status') status?: string) {
    return status === 'to-confirm' ? this.facts.toConfirm(access.tenantId) : this.facts.facts(access.tenantId);
  }

  @Post('confirm')
  @HttpCode(200)
  @RequirePermission('registers:write')
  @ApiOperation({ summary: 'Confirms an assumed or unknown fact (kept, or replaced by `replacement`): it becomes stated; audited `fact.confirmed`' })
  @ApiOkResponse({ type: FactResponse, description: 'The fact as readers now get it (stated)' })
  @ApiErrors(409)
  confirm(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Body() dto: ConfirmFactDto) {
    return this.facts.confirm(access.tenantId, dto, { userId: user.id, label: `${user.email} (${access.role})`, ip });
  }
}
