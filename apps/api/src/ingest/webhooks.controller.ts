import { Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, JwtAuthGuard, RequirePermission, TenantAccess, TenantAccessGuard } from '@regula/auth';
import { WebhookOutboxService } from '@regula/ingest';
import { ClientIp, CurrentTenant, CurrentUser } from '../common/current-user.decorator';
import { ApiErrors, ApiIdParam, ApiNoBody, ApiTenantSlug } from '../common/openapi';
import { DeliveryParams, WebhooksQueryDto } from './systems.dto';
import { WebhookDeliveryResponse, WebhookRetryResponse } from './dto/systems.response';
import { actorOf } from './systems.controller';

@ApiTags('source systems')
@ApiBearerAuth()
@ApiTenantSlug()
@ApiErrors(400, 401, 403, 404, 503)
@Controller('api/v1/tenants/:slug/webhooks')
@UseGuards(JwtAuthGuard, TenantAccessGuard)
export class WebhooksController {
  constructor(private readonly outbox: WebhookOutboxService) {}

  @Get()
  @RequirePermission('systems:read')
  @ApiOperation({ summary: 'Webhook deliveries to the source systems with their status, newest first (no payloads)' })
  @ApiOkResponse({ type: [WebhookDeliveryResponse] })
  list(@CurrentTenant() access: TenantAccess, @Query() q: WebhooksQueryDto) {
    return this.outbox.list(access.tenantId, { status: q.status, limit: q.limit });
  }

  @Post(':id/retry')
  @HttpCode(200)
  @RequirePermission('systems:manage')
  @ApiOperation({ summary: 'Gives a failed delivery a fresh series of attempts (one that has not failed is answered as it is)' })
  @ApiIdParam('The delivery id (GET .../webhooks lists them)')
  @ApiNoBody()
  @ApiOkResponse({ type: WebhookRetryResponse })
  async retry(@CurrentTenant() access: TenantAccess, @CurrentUser() user: AuthUser, @ClientIp() ip: string, @Param() p: DeliveryParams) {
    const row = await this.outbox.retry(access.tenantId, p.id, actorOf(user, access, ip));
    return { id: row.id, status: row.status, attempts: row.attempts };
  }
}
