import { AuditService } from '@regula/audit';
import { TenantDb } from '@regula/platform';
import { ControllerDefinitionService, FactConfirmationsService, RegistersService, TenantEntity } from '@regula/registers';
import { DataSource } from 'typeorm';
import { DemoDataService, IngestService, SourceSystemsService } from '@regula/subjects';
import { Harness } from './api-harness';

/** Loads a tenant's demo data (subjects, records, consents, disclosures) as `regula demo data` does; returns the tenant's id. */
export async function loadDemoData(h: Harness, slug: string): Promise<string> {
  const tdb = new TenantDb(h.db.owner);
  const audit = new AuditService();
  const registers = new RegistersService(tdb);
  const demo = new DemoDataService(tdb, registers, new SourceSystemsService(tdb, audit), new IngestService(tdb, registers, audit));
  const tenant = await h.db.owner.getRepository(TenantEntity).findOneByOrFail({ slug });
  await demo.load(tenant, { id: null, label: 'test: demo data' });
  return tenant.id;
}

/**
 * Confirms every assumed fact of a tenant as `regula demo confirm` does (audited,
 * "confirmed for the demo"), so that its policy can be published in a test; unknown
 * facts stay unknown. Returns how many were confirmed and how many stay unknown.
 */
export async function confirmAssumedFacts(db: DataSource, slug: string): Promise<{ confirmed: number; unknown: number }> {
  const tdb = new TenantDb(db);
  const facts = new FactConfirmationsService(tdb, new ControllerDefinitionService(tdb, new RegistersService(tdb)), new AuditService());
  const tenant = await db.getRepository(TenantEntity).findOneByOrFail({ slug });
  return facts.confirmAssumedForDemo(tenant.id, { userId: null, label: `test: confirmed for the demo (${slug})` });
}
