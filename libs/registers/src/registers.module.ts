import { Global, Module } from '@nestjs/common';
import { RegistersService } from './registers.service';
import { TenantsService } from './tenants.service';
import { TenantSyncService } from './tenant-sync.service';
import { ControllerDefinitionService } from './controller-definition.service';
import { RegisterEditService } from './register-edit.service';
import { FactConfirmationsService } from './confirmations/fact-confirmations.service';

@Global()
@Module({
  providers: [RegistersService, TenantsService, TenantSyncService, ControllerDefinitionService, RegisterEditService, FactConfirmationsService],
  exports: [RegistersService, TenantsService, TenantSyncService, ControllerDefinitionService, RegisterEditService, FactConfirmationsService],
})
export class RegistersModule {}
