import { Controller, Get, NotFoundException, Param, ParseIntPipe, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { JwtAuthGuard, RequirePermission, TenantAccess, TenantAccessGuard } from '@regula/auth';
import { RegistersService } from '@regula/registers';
import { CurrentTenant } from '../common/current-user.decorator';
import { RegisterKeyParams } from './register-key.params';

@ApiTags('registers')
@ApiBearerAuth()
@Controller('api/v1/tenants/:slug/registers')
@UseGuards(JwtAuthGuard, TenantAccessGuard)
@RequirePermission('registers:read')
export class RegistersController {
  constructor(private readonly registers: RegistersService) {}

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

  @Get(':key/versions')
  @ApiOperation({ summary: "A register's version history, newest first" })
  async history(@CurrentTenant() access: TenantAccess, @Param() p: RegisterKeyParams) {
    return (await this.registers.history(access.tenantId, p.key)) ?? notFound(p.key);
  }

  @Get(':key/versions/:version')
  @ApiOperation({ summary: 'One version of a register' })
  async version(@CurrentTenant() access: TenantAccess, @Param() p: RegisterKeyParams, @Param('version', ParseIntPipe) version: number) {
    return (await this.registers.get(access.tenantId, p.key, version)) ?? notFound(`${p.key} version ${version}`);
  }
}

function notFound(what: string): never {
  throw new NotFoundException(`no register ${what}`);
}
