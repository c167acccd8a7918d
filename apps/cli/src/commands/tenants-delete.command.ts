import { AuditService } from '@regula/audit';
import { TenantDb } from '@regula/platform';
import { TenantDeletions } from '@regula/registers';
import { Command, UsageError, parseArgs } from '../command';
import { withOwnerDb } from '../owner-db';

const ACTOR = { userId: null, label: 'cli: tenants delete' };

/**
 * `tenants delete <slug> --archive <sha256>` shows what a deletion removes and
 * a confirmation code; `… --confirm <code>` deletes it (TenantDeletions,
 * libs/registers): two steps, nothing on one command.
 */
export const command: Command = {
  name: ['tenants', 'delete'],
  summary: 'delete a suspended, archived controller (two steps)',
  usage:
    'tenants delete <slug> --archive <sha256> [--confirm <code>]  without --confirm: what would be deleted and the code; ' +
    'with it: deletes every row of the tenant (it must be suspended and archived since; recorded with the archive\'s hash in the platform\'s audit chain)',
  async run(args) {
    const { positional, flags } = parseArgs(args);
    if (positional.length !== 1) throw new UsageError('name one tenant: tenants delete <slug> --archive <sha256> [--confirm <code>]');
    if (typeof flags.archive !== 'string') throw new UsageError('--archive <sha256> is required: the hash `regula tenants archive` printed');
    const [slug, archive] = [positional[0], flags.archive];
    return withOwnerDb(async (ds) => {
      const deletions = new TenantDeletions(new TenantDb(ds), new AuditService());
      if (typeof flags.confirm !== 'string') {
        const plan = await deletions.plan(slug, archive, ACTOR);
        const rows = plan.tables.filter((t) => t.rows > 0);
        process.stdout.write(
          `${slug}: deleting it removes ${rows.reduce((n, t) => n + t.rows, 0)} rows of ${rows.length} tables:\n` +
            rows.map((t) => `  ${t.table}: ${t.rows}\n`).join('') +
            `Nothing was deleted. To delete, run again with --confirm ${plan.confirmation}\n`,
        );
        return 0;
      }
      const done = await deletions.execute(slug, archive, flags.confirm, ACTOR);
      process.stdout.write(`${slug}: deleted (${done.tables.reduce((n, t) => n + t.rows, 0)} rows); archive sha256 ${archive} recorded in the platform's audit chain\n`);
      return 0;
    });
  },
};
