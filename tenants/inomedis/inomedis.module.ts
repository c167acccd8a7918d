import { Module } from '@nestjs/common';
import { TenantModuleBase, TenantRegistry } from '@regula/registers';
import { definition } from './index';

/** Registers the inomedis controller definition. */
@Module({})
export class InomedisTenantModule extends TenantModuleBase {
  constructor(registry: TenantRegistry) {
    super(registry, definition);
  }
}
