import { OnModuleInit } from '@nestjs/common';
import { ControllerDefinition } from '@regula/engine';
import { TenantRegistry } from './tenant-registry.service';

/** Base of each tenant's thin Nest module: it registers the tenant's definition at start-up. */
export abstract class TenantModuleBase implements OnModuleInit {
  protected constructor(private readonly registry: TenantRegistry, private readonly definition: ControllerDefinition) {}

  onModuleInit(): void {
    this.registry.register(this.definition);
  }
}
