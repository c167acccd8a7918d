import { Module } from '@nestjs/common';
import { TenantModuleBase, TenantRegistry } from '@regula/registers';
import { definition } from './index';

/** Registers the medical-management controller definition. */
@Module({})
export class MedicalManagementTenantModule extends TenantModuleBase {
  constructor(registry: TenantRegistry) {
    super(registry, definition);
  }
}
