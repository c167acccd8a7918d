import { Body, Controller, Get, HttpCode, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AuthUser, JwtAuthGuard, RequirePermission, TenantAccess, TenantAccessGuard } from '@regula/auth';
import { Actor, SourceSystemsService } from '@regula/ingest';
import { ClientIp, CurrentTenant, CurrentUser } from '../common/current-user.decorator';
import { ApiErrors, ApiNoBody, ApiTenantSlug } from '../common/openapi';
import { CreateSystemDto, RotateSystemDto, SystemParams, UpdateSystemDto } from './systems.dto';
import { SourceSystemCredentialsResponse, SourceSystemResponse } from './dto/systems.response';

/** The `:name` of a source system route. */
const ApiSystemName = () =>
  ApiParam({ name: 'name', description: "The system's name (GET .../systems lists them)", schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 64, example: 'crm' } });

export const actorOf = (user: AuthUser, access: TenantAccess, ip: string): Actor => ({ id: user.id, label: `${user.email} (${access.role})`, ip });

@ApiTags('source systems')
@ApiBearerAuth()
@ApiTenantSlug()
// 400: a slug or name that is not one (NUL, a lone surrogate...).
@ApiErrors(400, 401, 403, 404, 503)
@Controller('api/v1/tenants/:slug/systems')
@UseGuards(JwtAuthGuard, TenantAccessGuard)
export class SystemsController {
  constructor(private readonly systems: SourceSystemsService) {}

  @Get()
  @RequirePermission('systems:read')
  @ApiOperation({ summary: "The tenant's source systems (never their keys or webhook secrets)" })
  @ApiOkResponse({ type: [SourceSystemResponse] })
  list(@CurrentTenant() access: TenantAccess) {
    return this.systems.list(access.tenantId);
  }

  @Post()
  @RequirePermission('systems:manage')
  @ApiOperation({ summary: 'Creates a source system; the API key and webhook secret are in this answer only' })
  @ApiCreatedResponse({ type: SourceSystemCredentialsResponse })
  @ApiErrors(409)
  create(@CurrentTenant() access: TenantAccess, @CurrentUser() user: AuthUser, @ClientIp() ip: string, @Body() dto: CreateSystemDto) {
    return this.systems.create(access.tenantId, { name: dto.name, webhookUrl: dto.webhookUrl ?? null }, actorOf(user, access, ip));
  }

  @Patch(':name')
  @RequirePermission('systems:manage')
  @ApiOperation({ summary: "Sets or clears a system's webhook URL" })
  @ApiSystemName()
  @ApiOkResponse({ type: SourceSystemResponse })
  update(@CurrentTenant() access: TenantAccess, @CurrentUser() user: AuthUser, @ClientIp() ip: string, @Param() p: SystemParams, @Body() dto: UpdateSystemDto) {
    return this.systems.setWebhookUrl(access.tenantId, p.name, dto.webhookUrl, actorOf(user, access, ip));
  }

  @Post(':name/rotate')
  @HttpCode(200)
  @RequirePermission('systems:manage')
  @ApiOperation({ summary: 'A new API key (the old one stops at once), optionally a new webhook secret; re-enables a disabled system' })
  @ApiSystemName()
  @ApiOkResponse({ type: SourceSystemCredentialsResponse })
  rotate(@CurrentTenant() access: TenantAccess, @CurrentUser() user: AuthUser, @ClientIp() ip: string, @Param() p: SystemParams, @Body() dto: RotateSystemDto) {
    return this.systems.rotate(access.tenantId, p.name, actorOf(user, access, ip), { webhookSecret: dto.webhookSecret });
  }

  @Post(':name/disable')
  @HttpCode(200)
  @RequirePermission('systems:manage')
  @ApiOperation({ summary: "Disables a system: its key is refused, its webhooks wait" })
  @ApiSystemName()
  @ApiNoBody()
  @ApiOkResponse({ type: SourceSystemResponse })
  disable(@CurrentTenant() access: TenantAccess, @CurrentUser() user: AuthUser, @ClientIp() ip: string, @Param() p: SystemParams) {
    return this.systems.disable(access.tenantId, p.name, actorOf(user, access, ip));
  }
}
