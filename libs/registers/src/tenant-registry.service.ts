import { Injectable } from '@nestjs/common';
import { ControllerDefinition } from '@regula/engine';

/**
 * The controller definitions compiled into this build; each tenant's thin
 * Nest module registers its own (tenants/<slug>/<slug>.module.ts).
 */
@Injectable()
export class TenantRegistry {
  private readonly definitions = new Map<string, ControllerDefinition>();

  register(def: ControllerDefinition): void {
    if (this.definitions.has(def.slug)) throw new Error(`tenant ${def.slug} registered twice`);
    this.definitions.set(def.slug, def);
  }

  get(slug: string): ControllerDefinition | undefined {
    return this.definitions.get(slug);
  }

  all(): ControllerDefinition[] {
    return [...this.definitions.values()];
  }
}
