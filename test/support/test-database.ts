import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { openDataSource } from '@regula/platform';
import { REGULA_SCHEMA } from '../../apps/schema';
import { testEnv, withDatabase } from './env';

export interface TestDatabase {
  name: string;
  /** Schema owner (superuser): bypasses RLS, for arranging and tampering. */
  ownerUrl: string;
  /** The application role: RLS applies. */
  appUrl: string;
  owner: DataSource;
  drop(): Promise<void>;
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: withDatabase(testEnv().ownerUrl, 'postgres') });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A private database for one suite: a copy of the migrated, synced template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const env = testEnv();
  const name = `regula_t_${randomBytes(5).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${env.templateDb}`));
  const ownerUrl = withDatabase(env.ownerUrl, name);
  const app = new URL(ownerUrl);
  app.username = 'regula_app';
  app.password = encodeURIComponent(env.appPassword);
  const owner = await openDataSource(ownerUrl, REGULA_SCHEMA, 2, 'regula-test-owner');
  return {
    name,
    ownerUrl,
    appUrl: app.toString(),
    owner,
    async drop() {
      await owner.destroy();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
