import { AuditService } from '@regula/audit';
import { TenantDefinitionInvalidError, TenantSyncService } from '@regula/registers';
import { TENANTS, findTenant } from '@regula/tenants';
import { Command, UsageError, parseArgs } from '../command';
import { withOwnerDb } from '../owner-db';

/** Writes the tenant definitions of tenants/ into the database; idempotent. */
export const command: Command = {
  name: ['tenants', 'sync'],
  summary: 'write tenants/ into the database',
  usage: 'tenants sync [slug]               write tenant definitions into the database (new register versions on change)',
  async run(args) {
    const { positional } = parseArgs(args);
    const defs = positional.length ? positional.map((s) => findTenant(s) ?? unknown(s)) : TENANTS;
    const sync = new TenantSyncService(new AuditService());
    return withOwnerDb(async (ds) => {
      let failed = 0;
      for (const def of defs) {
        try {
          const r = await ds.transaction((em) => sync.sync(em, def, 'cli: tenants sync'));
          const g = r.registers;
          process.stdout.write(
            `${r.slug}: tenant ${r.tenant}; registers: ${g.created.length} created, ${g.versioned.length} new versions, ` +
              `${g.retired.length} retired, ${g.unchanged.length} unchanged\n`,
          );
        } catch (e) {
          if (!(e instanceof TenantDefinitionInvalidError)) throw e;
          process.stderr.write(`${e.message}\n`);
          failed++;
        }
      }
      return failed ? 1 : 0;
    });
  },
};

function unknown(slug: string): never {
  throw new UsageError(`unknown tenant ${slug} (known: ${TENANTS.map((t) => t.slug).join(', ')})`);
}
