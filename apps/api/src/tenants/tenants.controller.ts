import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, JwtAuthGuard, RequirePermission, TenantAccess, TenantAccessGuard } from '@regula/auth';
import { RegistersService } from '@regula/registers';
import { TenantEntity, TenantsService } from '@regula/tenancy';
import { CurrentTenant, CurrentUser } from '../common/current-user.decorator';
import { ApiErrors, ApiTenantSlug } from '../common/openapi';
import { TenantDetailResponse, TenantSummaryResponse } from './dto/tenant.response';

function summary(t: TenantEntity) {
  const def = t.definition as { brand?: string; jurisdiction?: { languages?: string[] } };
  return { slug: t.slug, legalName: t.legalName, brand: def.brand ?? null, country: t.country, timeZone: t.timeZone, languages: def.jurisdiction?.languages ?? [] };
}

@ApiTags('tenants')
@ApiBearerAuth()
@Controller('api/v1/tenants')
@UseGuards(JwtAuthGuard)
// 400: a parameter or query the input-hygiene guard refuses (a NUL character, a lone surrogate).
@ApiErrors(400, 401, 503)
export class TenantsController {
  constructor(private readonly tenants: TenantsService, private readonly registers: RegistersService) {}

  @Get()
  @ApiOperation({ summary: 'The tenants the signed-in user may act in (all of them for a platform admin)' })
  @ApiOkResponse({ type: TenantSummaryResponse, isArray: true })
  @ApiErrors(403)
  async list(@CurrentUser() user: AuthUser) {
    const rows = await this.tenants.list(user.isPlatformAdmin ? undefined : user.memberships.map((m) => m.tenantId));
    return rows.map(summary);
  }

  @Get(':slug')
  @UseGuards(TenantAccessGuard)
  @RequirePermission('tenant:read')
  @ApiOperation({ summary: "A tenant's controller facts, the caller's role there, and its registers" })
  @ApiTenantSlug()
  @ApiOkResponse({ type: TenantDetailResponse })
  @ApiErrors(403, 404)
  async get(@CurrentTenant() access: TenantAccess) {
    const tenant = await this.tenants.findBySlug(access.slug);
    const registers = await this.registers.listCurrent(access.tenantId);
    return {
      ...summary(tenant!),
      controller: tenant!.definition,
      access: { role: access.role, permissions: access.permissions },
      registers: registers.map((r) => ({ key: r.key, name: (r.definition as { name?: unknown }).name, version: r.version, validFrom: r.validFrom })),
    };
  }
}
