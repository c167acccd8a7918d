import { Module } from '@nestjs/common';
import { TenantModuleBase, TenantRegistry } from '@regula/registers';
import { definition } from './index';

/** Registers the softera-baltic controller definition. */
@Module({})
export class SofteraBalticTenantModule extends TenantModuleBase {
  constructor(registry: TenantRegistry) {
    super(registry, definition);
  }
}
