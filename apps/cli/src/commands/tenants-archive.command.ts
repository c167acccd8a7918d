import { once } from 'node:events';
import { createWriteStream, rmSync } from 'node:fs';
import { AuditService } from '@regula/audit';
import { TenantArchives } from '@regula/exports';
import { TenantDb } from '@regula/platform';
import { Command, UsageError, parseArgs } from '../command';
import { withOwnerDb } from '../owner-db';

/** `tenants archive <slug> --out <file.zip>`: the whole tenant as a documented archive (TenantArchives, libs/exports). */
export const command: Command = {
  name: ['tenants', 'archive'],
  summary: "a controller's whole archive",
  usage: 'tenants archive <slug> --out <file.zip>  every table of the tenant, with a manifest of hashes (recorded with its SHA-256 in the platform\'s audit chain)',
  async run(args) {
    const { positional, flags } = parseArgs(args);
    if (positional.length !== 1) throw new UsageError('name one tenant: tenants archive <slug> --out <file.zip>');
    if (typeof flags.out !== 'string' || !flags.out.endsWith('.zip')) throw new UsageError('--out <file.zip> is required');
    const out = createWriteStream(flags.out, { flags: 'wx' }); // never overwrites a file
    await once(out, 'open');
    return withOwnerDb(async (ds) => {
      const archives = new TenantArchives(new TenantDb(ds), new AuditService());
      const written = await archives.write(positional[0], async (chunk) => {
        if (!out.write(chunk)) await once(out, 'drain');
      }, { userId: null, label: 'cli: tenants archive' });
      out.end();
      await once(out, 'finish');
      process.stdout.write(`${written.slug}: ${flags.out}, ${written.size} bytes, sha256 ${written.sha256}\n`);
      return 0;
    }).catch((e) => {
      // No half archive is left behind to be taken for a whole one.
      out.destroy();
      rmSync(flags.out as string, { force: true });
      throw e;
    });
  },
};
