import { Injectable } from '@nestjs/common';
import type { Register } from '@regula/engine';
import { TenantDb } from '@regula/platform';
import { RegistersService } from '@regula/registers';
import { TenantEntity } from '@regula/tenancy';
import { Actor, Counts, ITEM_KINDS, IngestService, ItemKind, SourceSystemsService } from '@regula/ingest';
import { DemoData, demoDataFor } from './demo-data';

export interface DemoLoadResult {
  slug: string;
  systems: { name: string; created: boolean }[];
  subjects: DemoData['subjects'];
  batches: number;
  /** Items created or updated (0 when the data was loaded before). */
  changed: number;
  counts: Record<ItemKind, Counts>;
}

/**
 * Loads a tenant's demo data through the same path as the ingest API (the
 * same validation, retention due dates and audit): creates the source systems
 * the registers name (without handing out keys: rotate one to use it), then
 * sends the generated batches. Idempotent.
 */
@Injectable()
export class DemoDataService {
  constructor(
    private readonly db: TenantDb,
    private readonly registers: RegistersService,
    private readonly systems: SourceSystemsService,
    private readonly ingest: IngestService,
  ) {}

  async load(tenant: TenantEntity, actor: Actor): Promise<DemoLoadResult> {
    const registers = (await this.registers.listCurrent(tenant.id)).map((r) => r.definition as unknown as Register);
    const data = demoDataFor({ slug: tenant.slug, registers });
    const systems = new Map<string, { id: string; name: string; created: boolean }>();
    for (const name of data.systems) {
      const { system, created } = await this.db.forTenant(tenant.id, (em) => this.systems.ensure(em, tenant.id, name, actor));
      systems.set(name, { id: system.id, name, created });
    }
    const counts = Object.fromEntries(ITEM_KINDS.map((k) => [k, { created: 0, updated: 0, unchanged: 0, ignored: 0 }])) as Record<ItemKind, Counts>;
    let changed = 0;
    for (const { system, batch } of data.batches) {
      const result = await this.ingest.ingest(tenant.id, systems.get(system)!, batch, { actor });
      changed += result.changed;
      for (const k of ITEM_KINDS) for (const [status, n] of Object.entries(result.counts[k])) counts[k][status as keyof Counts] += n;
    }
    return { slug: tenant.slug, systems: [...systems.values()].map(({ name, created }) => ({ name, created })), subjects: data.subjects, batches: data.batches.length, changed, counts };
  }
}
