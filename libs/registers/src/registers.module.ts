import { Global, Module } from '@nestjs/common';
import { RegistersService } from './registers.service';
import { TenantsService } from './tenants.service';
import { TenantRegistry } from './tenant-registry.service';
import { TenantSyncService } from './tenant-sync.service';
import { ControllerDefinitionService } from './controller-definition.service';
import { RegisterEditService } from './register-edit.service';

@Global()
@Module({
  providers: [RegistersService, TenantsService, TenantRegistry, TenantSyncService, ControllerDefinitionService, RegisterEditService],
  exports: [RegistersService, TenantsService, TenantRegistry, TenantSyncService, ControllerDefinitionService, RegisterEditService],
})
export class RegistersModule {}
