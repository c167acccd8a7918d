import { Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, JwtAuthGuard } from '@regula/auth';
import { SuspensionActor, TenantSuspensions } from '@regula/registers';
import { ClientIp, CurrentUser } from '../common/current-user.decorator';
import { ApiErrors, ApiNoBody, ApiTenantSlug } from '../common/openapi';
import { SuspendTenantDto, TenantSuspensionResponse } from './dto/tenant-suspension.dto';
import { PlatformAdminGuard } from './platform-admin.guard';

const platformActor = (user: AuthUser, ip: string): SuspensionActor => ({ userId: user.id, label: `${user.email} (platform-admin)`, ip });

/**
 * A controller suspended and resumed by a platform admin (issue 17 §1; 404
 * to anyone else, PlatformAdminGuard): while
 * suspended its public pages send requests to it directly and REST and
 * dashboard writes are refused (409), reading and exports go on; its
 * deadlines, reminders and retention keep running.
 */
@ApiTags('platform')
@ApiBearerAuth()
@Controller('api/v1/platform/tenants/:slug')
@UseGuards(JwtAuthGuard, PlatformAdminGuard)
export class PlatformTenantsController {
  constructor(private readonly suspensions: TenantSuspensions) {}

  @Post('suspend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Suspends a controller (platform admins only): reads and exports go on, changes are refused' })
  @ApiTenantSlug()
  @ApiOkResponse({ type: TenantSuspensionResponse })
  @ApiErrors(400, 401, 404, 409, 503)
  suspend(@CurrentUser() user: AuthUser, @ClientIp() ip: string, @Param('slug') slug: string, @Body() dto: SuspendTenantDto): Promise<TenantSuspensionResponse> {
    return this.suspensions.suspend(slug, dto.reason, platformActor(user, ip));
  }

  @Post('resume')
  @HttpCode(200)
  @ApiOperation({ summary: "Lifts a controller's suspension (platform admins only)" })
  @ApiTenantSlug()
  @ApiOkResponse({ type: TenantSuspensionResponse })
  @ApiNoBody()
  @ApiErrors(400, 401, 404, 409, 503)
  resume(@CurrentUser() user: AuthUser, @ClientIp() ip: string, @Param('slug') slug: string): Promise<TenantSuspensionResponse> {
    return this.suspensions.resume(slug, platformActor(user, ip));
  }
}
