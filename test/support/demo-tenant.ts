import { AuditKeys, AuditService } from '@regula/audit';
import { EgressGuard, TenantDb } from '@regula/platform';
import { ControllerDefinitionService, FactConfirmationsService, RegistersService } from '@regula/registers';
import { TenantEntity } from '@regula/tenancy';
import { DataSource } from 'typeorm';
import { IngestService, SourceSystemsService } from '@regula/ingest';
import { ErasedRecordKeys, StoreUpserts } from '@regula/subjects';
import { DemoDataService } from '../../apps/cli/src/demo/demo-data.service';
import { Harness } from './api-harness';
import { SOFTERA_STATED_IN_TEST } from '@regula/engine/testing';

/** Loads a tenant's demo data (subjects, records, consents, disclosures) as `regula demo data` does; returns the tenant's id. */
export async function loadDemoData(h: Harness, slug: string): Promise<string> {
  const tdb = new TenantDb(h.db.owner);
  const audit = new AuditService();
  const registers = new RegistersService(tdb);
  const demo = new DemoDataService(tdb, registers, new SourceSystemsService(tdb, audit, new EgressGuard()), new IngestService(tdb, registers, audit, new StoreUpserts(), new ErasedRecordKeys(new AuditKeys())));
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

/**
 * What a controller would state for the facts nobody stated, per tenant, so that
 * a test can publish its policy: Softera Baltic's notice leaves its address and
 * e-mail blank (test values, not the company's).
 */
export const STATED_IN_TEST: Record<string, Record<string, unknown>> = {
  'softera-baltic': {
    legalAddress: { street: 'Testo g. 1', city: 'Vilnius', postalCode: 'LT-01100' },
    'contact.email': 'privacy@softera.test',
    'registers[clients].recipients[local-partners]': SOFTERA_STATED_IN_TEST['registers[clients].recipients[local-partners]'],
  },
};

/**
 * Confirms every fact of a tenant a policy needs: the assumed ones as the demo
 * does, the unknown ones with the values of `STATED_IN_TEST` (or `stated`), each
 * audited. After it the tenant's policy can be published (unless the linter
 * reports an error).
 */
export async function confirmAllFacts(db: DataSource, slug: string, stated: Record<string, unknown> = STATED_IN_TEST[slug] ?? {}): Promise<void> {
  const tdb = new TenantDb(db);
  const facts = new FactConfirmationsService(tdb, new ControllerDefinitionService(tdb, new RegistersService(tdb)), new AuditService());
  const tenant = await db.getRepository(TenantEntity).findOneByOrFail({ slug });
  const actor = { userId: null, label: `test: stated for the test (${slug})` };
  await facts.confirmAssumedForDemo(tenant.id, actor);
  for (const f of await facts.toConfirm(tenant.id)) {
    if (!(f.path in stated)) throw new Error(`${slug}: no test value for the unknown fact ${f.path}`);
    await facts.confirm(tenant.id, { path: f.path, valueHash: f.valueHash, note: 'stated for the test', replacement: stated[f.path] }, actor);
  }
}
