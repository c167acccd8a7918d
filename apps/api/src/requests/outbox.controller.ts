import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, JwtAuthGuard, RequirePermission, TenantAccess, TenantAccessGuard } from '@regula/auth';
import { RequestsService } from '@regula/requests';
import { ClientIp, CurrentTenant, CurrentUser } from '../common/current-user.decorator';
import { OutboxQueryDto } from './dto/request-list-query.dto';
import { actorOf } from './request-actor';
import { ApiErrors, ApiTenantSlug } from '../common/openapi';
import { TenantOutboxPage } from './dto/outbox.response';

/**
 * The e-mails Regula wrote for the tenant: the outbox when no SMTP server is
 * configured, and the record of what was sent. Recipient, subject, status and
 * times for `outbox:read`; the text and HTML (secrets redacted) only with
 * `outbox:read-body`. Each view is audited (`personal-data.read`).
 */
@ApiTags('requests')
@ApiBearerAuth()
@ApiTenantSlug()
@ApiErrors(400, 401, 403, 404, 503)
@Controller('api/v1/tenants/:slug/outbox')
@UseGuards(JwtAuthGuard, TenantAccessGuard)
@RequirePermission('outbox:read')
export class OutboxController {
  constructor(private readonly requests: RequestsService) {}

  @Get()
  @ApiOperation({ summary: "The tenant's e-mails, newest first, with the delivery status; the rendered text and HTML (codes and link tokens redacted) with outbox:read-body" })
  @ApiOkResponse({ type: TenantOutboxPage, description: 'Newest first; 404 for a reference the tenant does not have' })
  list(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Query() q: OutboxQueryDto) {
    return this.requests.outbox(access.tenantId, q, { reader: actorOf(user, access, ip), withBody: access.permissions.includes('outbox:read-body') });
  }
}
