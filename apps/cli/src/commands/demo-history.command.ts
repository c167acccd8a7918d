import { TenantDb, loadDbConfig, systemClock } from '@regula/platform';
import { Command } from '../command';
import { DemoHistoryService } from '../demo/demo-history.service';
import { withOwnerDb } from '../owner-db';
import { tenantsNamed } from '../tenants-named';

/** A year of closed requests of the past per demo tenant, so that the home page's charts and the statistics show something (idempotent). Refused in production. */
export const command: Command = {
  name: ['demo', 'history'],
  summary: 'load a year of past requests for the demo',
  usage: 'demo history [slug...]           a year of closed past requests per tenant, through the history import (not in production)',
  async run(args) {
    if (loadDbConfig().NODE_ENV === 'production') {
      process.stderr.write('regula: demo history is refused when NODE_ENV=production\n');
      return 1;
    }
    return withOwnerDb(async (ds) => {
      const demo = new DemoHistoryService(new TenantDb(ds), ds);
      // The clock at seeding: the history ends five weeks before it.
      const now = systemClock();
      for (const t of await tenantsNamed(ds, args)) {
        const r = await demo.load(t, now);
        process.stdout.write(`${t.slug}: ${r.imported ? `${r.imported} past requests imported` : 'past requests already imported, unchanged'}\n`);
      }
      return 0;
    });
  },
};
