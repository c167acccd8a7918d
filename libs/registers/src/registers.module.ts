import { Global, Module } from '@nestjs/common';
import { RegistersService } from './registers.service';
import { TenantsService } from './tenants.service';
import { TenantRegistry } from './tenant-registry.service';
import { TenantSyncService } from './tenant-sync.service';

@Global()
@Module({
  providers: [RegistersService, TenantsService, TenantRegistry, TenantSyncService],
  exports: [RegistersService, TenantsService, TenantRegistry, TenantSyncService],
})
export class RegistersModule {}
