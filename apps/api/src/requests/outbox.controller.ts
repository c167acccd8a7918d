import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { JwtAuthGuard, RequirePermission, TenantAccess, TenantAccessGuard } from '@regula/auth';
import { RequestsService } from '@regula/requests/requests.service';
import { CurrentTenant } from '../common/current-user.decorator';
import { OutboxQueryDto } from './dto/request-list-query.dto';

/** The e-mails Regula wrote for the tenant: the outbox when no SMTP server is configured, and the record of what was sent. */
@ApiTags('requests')
@ApiBearerAuth()
@Controller('api/v1/tenants/:slug/outbox')
@UseGuards(JwtAuthGuard, TenantAccessGuard)
@RequirePermission('outbox:read')
export class OutboxController {
  constructor(private readonly requests: RequestsService) {}

  @Get()
  @ApiOperation({ summary: "The tenant's e-mails, newest first, with the rendered text and HTML and the delivery status" })
  list(@CurrentTenant() access: TenantAccess, @Query() q: OutboxQueryDto) {
    return this.requests.outbox(access.tenantId, q);
  }
}
