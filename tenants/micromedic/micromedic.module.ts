import { Module } from '@nestjs/common';
import { TenantModuleBase, TenantRegistry } from '@regula/registers';
import { definition } from './index';

/** Registers the micromedic controller definition. */
@Module({})
export class MicromedicTenantModule extends TenantModuleBase {
  constructor(registry: TenantRegistry) {
    super(registry, definition);
  }
}
