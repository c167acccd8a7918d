import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AuthUser, JwtAuthGuard, RequirePermission, TenantAccess, TenantAccessGuard } from '@regula/auth';
import { RegisterEditService, RegistersService } from '@regula/registers';
import { ClientIp, CurrentTenant, CurrentUser } from '../common/current-user.decorator';
import { LintRegisterDto, SaveRegisterDto } from './register-edit.dto';
import { RegisterKeyParams, RegisterVersionParams } from './register-key.params';
import { definitionErrors } from '@regula/engine';
import { ApiErrors, ApiTenantSlug } from '../common/openapi';
import { RegisterDetailResponse, RegisterHistoryEntry, RegisterLintResponse, RegisterSaveResponse } from './dto/register.response';

// The example sits in the schema: @nestjs/swagger drops a parameter's own `example` when a `schema` is given.
const ApiRegisterKey = () => ApiParam({ name: 'key', description: "The register's key (GET .../registers lists them)", schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 100, example: 'log-data' } });

@ApiTags('registers')
@ApiBearerAuth()
@Controller('api/v1/tenants/:slug/registers')
@UseGuards(JwtAuthGuard, TenantAccessGuard)
@RequirePermission('registers:read')
@ApiTenantSlug()
@ApiErrors(400, 401, 403, 404, 503)
export class RegistersController {
  constructor(private readonly registers: RegistersService, private readonly edits: RegisterEditService) {}

  @Get()
  @ApiOperation({ summary: 'Every register of the tenant at its current version' })
  @ApiOkResponse({ type: RegisterDetailResponse, isArray: true })
  list(@CurrentTenant() access: TenantAccess) {
    return this.registers.listCurrent(access.tenantId);
  }

  @Get(':key')
  @ApiOperation({ summary: 'One register at its current version' })
  @ApiRegisterKey()
  @ApiOkResponse({ type: RegisterDetailResponse })
  async get(@CurrentTenant() access: TenantAccess, @Param() p: RegisterKeyParams) {
    return (await this.registers.get(access.tenantId, p.key)) ?? notFound(p.key);
  }

  @Put(':key')
  @RequirePermission('registers:write')
  @ApiOperation({ summary: 'Saves a new version of a register: 422 with the findings while the linter reports a definition error (a value the schema cannot hold) for the controller, nothing saved; legal (publication) errors do not refuse saving, they refuse publishing a policy; unchanged content saves nothing' })
  @ApiRegisterKey()
  @ApiOkResponse({ type: RegisterSaveResponse, description: 'Saved as the next version, or unchanged' })
  @ApiErrors(409, 422)
  async save(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Param() p: RegisterKeyParams, @Body() dto: SaveRegisterDto) {
    return this.edits.saveVersion(access.tenantId, p.key, dto, { userId: user.id, label: `${user.email} (${access.role})`, ip });
  }

  @Post(':key/lint')
  @HttpCode(200)
  @RequirePermission('registers:write')
  @ApiOperation({ summary: "The linter's findings for the controller with this register definition in place of the stored one; nothing is saved" })
  @ApiRegisterKey()
  @ApiOkResponse({ type: RegisterLintResponse })
  async lint(@CurrentTenant() access: TenantAccess, @Param() p: RegisterKeyParams, @Body() dto: LintRegisterDto) {
    const findings = await this.edits.lint(access.tenantId, p.key, dto.definition);
    return { findings, errors: findings.filter((f) => f.severity === 'error').length, definitionErrors: definitionErrors(findings).length };
  }

  @Get(':key/versions')
  @ApiOperation({ summary: "A register's version history, newest first" })
  @ApiRegisterKey()
  @ApiOkResponse({ type: RegisterHistoryEntry, isArray: true })
  async history(@CurrentTenant() access: TenantAccess, @Param() p: RegisterKeyParams) {
    return (await this.registers.history(access.tenantId, p.key)) ?? notFound(p.key);
  }

  @Get(':key/versions/:version')
  @ApiOperation({ summary: 'One version of a register' })
  @ApiRegisterKey()
  @ApiParam({ name: 'version', description: 'The version number (GET .../versions lists them)', schema: { type: 'integer', minimum: 1, example: 1 } })
  @ApiOkResponse({ type: RegisterDetailResponse })
  async version(@CurrentTenant() access: TenantAccess, @Param() p: RegisterVersionParams) {
    return (await this.registers.get(access.tenantId, p.key, p.version)) ?? notFound(`${p.key} version ${p.version}`);
  }
}

function notFound(what: string): never {
  throw new NotFoundException(`no register ${what}`);
}
