import { Command } from '../command';
import { withOwnerDb } from '../owner-db';

/** Runs pending migrations as the owner, then lets the regula_app role log in with DATABASE_APP_PASSWORD. */
export const command: Command = {
  name: ['db', 'migrate'],
  summary: 'apply database migrations',
  usage: 'db migrate                       apply pending migrations (DATABASE_URL: the schema owner)',
  async run() {
    return withOwnerDb(async (ds, cfg) => {
      const applied = await ds.runMigrations({ transaction: 'each' });
      for (const m of applied) process.stdout.write(`applied ${m.name}\n`);
      if (!applied.length) process.stdout.write('database schema is up to date\n');
      if (cfg.DATABASE_APP_PASSWORD) {
        const [{ sql }] = await ds.query(`SELECT format('ALTER ROLE regula_app WITH LOGIN PASSWORD %L', $1::text) AS sql`, [cfg.DATABASE_APP_PASSWORD]);
        await ds.query(sql);
        process.stdout.write('role regula_app may log in (row-level security applies to it)\n');
      }
      return 0;
    });
  },
};
