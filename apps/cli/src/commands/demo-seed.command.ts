import { AuditService } from '@regula/audit';
import { DemoUsers } from '@regula/auth';
import { loadDbConfig } from '@regula/platform';
import { Command } from '../command';
import { withOwnerDb } from '../owner-db';

/** Creates the demo staff accounts (idempotent) and prints the logins. Refused in production. */
export const command: Command = {
  name: ['demo', 'seed'],
  summary: 'create demo logins',
  usage: 'demo seed                        create demo staff accounts and print their logins (not in production)',
  async run() {
    if (loadDbConfig().NODE_ENV === 'production') {
      process.stderr.write('regula: demo seed is refused when NODE_ENV=production\n');
      return 1;
    }
    const password = process.env.DEMO_PASSWORD || 'regula-demo-2026';
    return withOwnerDb(async (ds) => {
      const logins = await ds.transaction((em) => new DemoUsers(new AuditService()).ensure(em, password));
      process.stdout.write(`\nDemo logins (password for all: ${password})\n`);
      for (const l of logins) process.stdout.write(`  ${l.role.padEnd(17)} ${l.tenant.padEnd(19)} ${l.email}\n`);
      return 0;
    });
  },
};
