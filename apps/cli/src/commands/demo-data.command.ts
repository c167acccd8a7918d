import { AuditKeys, AuditService } from '@regula/audit';
import { EgressGuard, TenantDb, loadDbConfig } from '@regula/platform';
import { RegistersService } from '@regula/registers';
import { IngestRejectedError, IngestService, SourceSystemsService } from '@regula/ingest';
import { ErasedRecordKeys, StoreUpserts } from '@regula/subjects';
import { DemoDataService } from '../demo/demo-data.service';
import { KNOWN_DEMO_SUBJECTS } from '../demo/demo-data';
import { Command, parseArgs } from '../command';
import { withOwnerDb } from '../owner-db';
import { tenantsNamed } from '../tenants-named';

/** Fills the tenants with demo personal data generated from their registers (idempotent). Refused in production. */
export const command: Command = {
  name: ['demo', 'data'],
  summary: 'load demo personal data',
  usage: 'demo data [slug...]              fill tenants with demo subjects, records, consents, disclosures (not in production)',
  async run(args) {
    const cfg = loadDbConfig();
    if (cfg.NODE_ENV === 'production') {
      process.stderr.write('regula: demo data is refused when NODE_ENV=production\n');
      return 1;
    }
    const { positional } = parseArgs(args);
    return withOwnerDb(async (ds) => {
      const db = new TenantDb(ds);
      const audit = new AuditService();
      const registers = new RegistersService(db);
      const demo = new DemoDataService(db, registers, new SourceSystemsService(db, audit, new EgressGuard(cfg)), new IngestService(db, registers, audit, new StoreUpserts(), new ErasedRecordKeys(new AuditKeys())));
      const tenants = await tenantsNamed(ds, positional);
      if (!tenants.length) {
        process.stderr.write('regula: no tenants in the database: run `regula tenants sync` first\n');
        return 1;
      }
      for (const t of tenants) {
        try {
          const r = await demo.load(t, { id: null, label: 'cli: demo data' });
          const c = (k: keyof typeof r.counts) => `${r.counts[k].created + r.counts[k].updated + r.counts[k].unchanged} ${k}`;
          const fresh = r.systems.filter((s) => s.created).map((s) => s.name);
          process.stdout.write(
            `${t.slug}: ${r.subjects.length} subjects, ${c('records')}, ${c('consents')}, ${c('disclosures')} ` +
              `(${r.changed ? `${r.changed} items created or updated` : 'unchanged'}); systems: ${r.systems.map((s) => s.name).join(', ')}` +
              `${fresh.length ? ` (new: ${fresh.join(', ')})` : ''}\n`,
          );
        } catch (e) {
          if (!(e instanceof IngestRejectedError)) throw e;
          process.stderr.write(`${t.slug}: the demo data was refused:\n  ${e.errors.slice(0, 20).map((x) => `${x.item}: ${x.message}`).join('\n  ')}\n`);
          return 1;
        }
      }
      const known = tenants.map((t) => KNOWN_DEMO_SUBJECTS[t.slug] && `${t.slug}: ${KNOWN_DEMO_SUBJECTS[t.slug].email}`).filter(Boolean);
      if (known.length) process.stdout.write(`demo subjects to try: ${known.join(', ')}\n`);
      return 0;
    });
  },
};
