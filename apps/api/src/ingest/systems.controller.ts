import { Body, Controller, Get, HttpCode, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, JwtAuthGuard, RequirePermission, TenantAccess, TenantAccessGuard } from '@regula/auth';
import { Actor, SourceSystemsService } from '@regula/ingest';
import { ClientIp, CurrentTenant, CurrentUser } from '../common/current-user.decorator';
import { CreateSystemDto, RotateSystemDto, SystemParams, UpdateSystemDto } from './systems.dto';

export const actorOf = (user: AuthUser, access: TenantAccess, ip: string): Actor => ({ id: user.id, label: `${user.email} (${access.role})`, ip });

@ApiTags('source systems')
@ApiBearerAuth()
@Controller('api/v1/tenants/:slug/systems')
@UseGuards(JwtAuthGuard, TenantAccessGuard)
export class SystemsController {
  constructor(private readonly systems: SourceSystemsService) {}

  @Get()
  @RequirePermission('systems:read')
  @ApiOperation({ summary: "The tenant's source systems (never their keys or webhook secrets)" })
  list(@CurrentTenant() access: TenantAccess) {
    return this.systems.list(access.tenantId);
  }

  @Post()
  @RequirePermission('systems:manage')
  @ApiOperation({ summary: 'Creates a source system; the API key and webhook secret are in this answer only' })
  create(@CurrentTenant() access: TenantAccess, @CurrentUser() user: AuthUser, @ClientIp() ip: string, @Body() dto: CreateSystemDto) {
    return this.systems.create(access.tenantId, { name: dto.name, webhookUrl: dto.webhookUrl ?? null }, actorOf(user, access, ip));
  }

  @Patch(':name')
  @RequirePermission('systems:manage')
  @ApiOperation({ summary: "Sets or clears a system's webhook URL" })
  update(@CurrentTenant() access: TenantAccess, @CurrentUser() user: AuthUser, @ClientIp() ip: string, @Param() p: SystemParams, @Body() dto: UpdateSystemDto) {
    return this.systems.setWebhookUrl(access.tenantId, p.name, dto.webhookUrl, actorOf(user, access, ip));
  }

  @Post(':name/rotate')
  @HttpCode(200)
  @RequirePermission('systems:manage')
  @ApiOperation({ summary: 'A new API key (the old one stops at once), optionally a new webhook secret; re-enables a disabled system' })
  rotate(@CurrentTenant() access: TenantAccess, @CurrentUser() user: AuthUser, @ClientIp() ip: string, @Param() p: SystemParams, @Body() dto: RotateSystemDto) {
    return this.systems.rotate(access.tenantId, p.name, actorOf(user, access, ip), { webhookSecret: dto.webhookSecret });
  }

  @Post(':name/disable')
  @HttpCode(200)
  @RequirePermission('systems:manage')
  @ApiOperation({ summary: "Disables a system: its key is refused, its webhooks wait" })
  disable(@CurrentTenant() access: TenantAccess, @CurrentUser() user: AuthUser, @ClientIp() ip: string, @Param() p: SystemParams) {
    return this.systems.disable(access.tenantId, p.name, actorOf(user, access, ip));
  }
}
