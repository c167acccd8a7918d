import { Module } from '@nestjs/common';
import { MedicalManagementTenantModule } from './medical-management/medical-management.module';
import { SofteraBalticTenantModule } from './softera-baltic/softera-baltic.module';
import { MicromedicTenantModule } from './micromedic/micromedic.module';
import { InomedisTenantModule } from './inomedis/inomedis.module';

/** Every tenant's module; each registers its controller definition in the TenantRegistry. */
@Module({ imports: [MedicalManagementTenantModule, SofteraBalticTenantModule, MicromedicTenantModule, InomedisTenantModule] })
export class TenantsModule {}
