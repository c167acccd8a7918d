import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, JwtAuthGuard, RequirePermission, TenantAccess, TenantAccessGuard } from '@regula/auth';
import { RegisterEditService, RegistersService } from '@regula/registers';
import { ClientIp, CurrentTenant, CurrentUser } from '../common/current-user.decorator';
import { LintRegisterDto, SaveRegisterDto } from './register-edit.dto';
import { RegisterKeyParams, RegisterVersionParams } from './register-key.params';
import { definitionErrors } from '@regula/engine';

@ApiTags('registers')
@ApiBearerAuth()
@Controller('api/v1/tenants/:slug/registers')
@UseGuards(JwtAuthGuard, TenantAccessGuard)
@RequirePermission('registers:read')
export class RegistersController {
  constructor(private readonly registers: RegistersService, private readonly edits: RegisterEditService) {}

  @Get()
  @ApiOperation({ summary: 'Every register of the tenant at its current version' })
  list(@CurrentTenant() access: TenantAccess) {
    return this.registers.listCurrent(access.tenantId);
  }

  @Get(':key')
  @ApiOperation({ summary: 'One register at its current version' })
  async get(@CurrentTenant() access: TenantAccess, @Param() p: RegisterKeyParams) {
    return (await this.registers.get(access.tenantId, p.key)) ?? notFound(p.key);
  }

  @Put(':key')
  @RequirePermission('registers:write')
  @ApiOperation({ summary: 'Saves a new version of a register: 422 with the findings while the linter reports a definition error (a value the schema cannot hold) for the controller, nothing saved; legal (publication) errors do not refuse saving, they refuse publishing a policy; unchanged content saves nothing' })
  async save(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Param() p: RegisterKeyParams, @Body() dto: SaveRegisterDto) {
    return this.edits.saveVersion(access.tenantId, p.key, dto, { userId: user.id, label: `${user.email} (${access.role})`, ip });
  }

  @Post(':key/lint')
  @HttpCode(200)
  @RequirePermission('registers:write')
  @ApiOperation({ summary: "The linter's findings for the controller with this register definition in place of the stored one; nothing is saved" })
  async lint(@CurrentTenant() access: TenantAccess, @Param() p: RegisterKeyParams, @Body() dto: LintRegisterDto) {
    const findings = await this.edits.lint(access.tenantId, p.key, dto.definition);
    return { findings, errors: findings.filter((f) => f.severity === 'error').length, definitionErrors: definitionErrors(findings).length };
  }

  @Get(':key/versions')
  @ApiOperation({ summary: "A register's version history, newest first" })
  async history(@CurrentTenant() access: TenantAccess, @Param() p: RegisterKeyParams) {
    return (await this.registers.history(access.tenantId, p.key)) ?? notFound(p.key);
  }

  @Get(':key/versions/:version')
  @ApiOperation({ summary: 'One version of a register' })
  async version(@CurrentTenant() access: TenantAccess, @Param() p: RegisterVersionParams) {
    return (await this.registers.get(access.tenantId, p.key, p.version)) ?? notFound(`${p.key} version ${p.version}`);
  }
}

function notFound(what: string): never {
  throw new NotFoundException(`no register ${what}`);
}
