import { Global, Module } from '@nestjs/common';
import { TenancyModule } from '@regula/tenancy';
import { RegistersService } from './registers.service';
import { TenantSyncService } from './tenant-sync.service';
import { TenantSuspensions } from './tenant-suspension.service';
import { TenantDeletions } from './tenant-deletion.service';
import { ControllerDefinitionService } from './controller-definition.service';
import { RegisterEditService } from './register-edit.service';
import { RegisterLifecycleService } from './register-lifecycle.service';
import { FactConfirmationsService } from './confirmations/fact-confirmations.service';
import { RegisterImports } from './imports/register-imports.service';

@Global()
@Module({
  // Registers belong to tenants; importing the (global) tenancy module here keeps
  // TenantsService available wherever the registers are.
  imports: [TenancyModule],
  providers: [RegistersService, TenantSyncService, TenantSuspensions, TenantDeletions, ControllerDefinitionService, RegisterEditService, RegisterLifecycleService, FactConfirmationsService, RegisterImports],
  exports: [RegistersService, TenantSyncService, TenantSuspensions, TenantDeletions, ControllerDefinitionService, RegisterEditService, RegisterLifecycleService, FactConfirmationsService, RegisterImports],
})
export class RegistersModule {}
