import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService, AuditVerifier } from '@regula/audit';
import { JwtAuthGuard, RequirePermission, TenantAccess, TenantAccessGuard } from '@regula/auth';
import { TenantDb } from '@regula/platform';
import { CurrentTenant } from '../common/current-user.decorator';
import { ApiErrors, ApiTenantSlug } from '../common/openapi';
import { AuditQueryDto } from './audit-query.dto';
import { AuditEntryResponse, AuditVerifyResponse } from './dto/audit.response';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/tenants/:slug/audit')
@UseGuards(JwtAuthGuard, TenantAccessGuard)
@RequirePermission('audit:read')
@ApiTenantSlug()
@ApiErrors(400, 401, 403, 404, 503)
export class AuditController {
  constructor(private readonly audit: AuditService, private readonly verifier: AuditVerifier, private readonly db: TenantDb) {}

  @Get()
  @ApiOperation({ summary: "The tenant's audit log, newest page last" })
  @ApiOkResponse({ type: AuditEntryResponse, isArray: true, description: 'The newest `limit` entries (before `beforeSeq`), oldest first' })
  list(@CurrentTenant() access: TenantAccess, @Query() q: AuditQueryDto) {
    return this.db.forTenant(access.tenantId, (em) => this.audit.list(em, access.tenantId, { limit: q.limit ?? 100, beforeSeq: q.beforeSeq }));
  }

  @Get('verify')
  @ApiOperation({ summary: "Verifies the tenant's whole keyed chain (streamed) against its last published checkpoint, and names the first broken entry" })
  @ApiOkResponse({ type: AuditVerifyResponse })
  verify(@CurrentTenant() access: TenantAccess) {
    return this.db.forTenant(access.tenantId, (em) => this.verifier.verify(em, access.tenantId, 'genesis'));
  }
}
