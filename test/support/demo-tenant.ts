import { AuditService } from '@regula/audit';
import { TenantDb } from '@regula/platform';
import { RegistersService, TenantEntity } from '@regula/registers';
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
