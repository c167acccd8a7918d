import { DataSource } from 'typeorm';
import { loadDbConfig, openDataSource, DbConfig } from '@regula/platform';
import { REGULA_SCHEMA } from '../../schema';
import { refreshPagesAfterChanges } from './page-generations';

/** Runs `fn` with a data source of the schema owner (DATABASE_URL), closed afterwards. */
export async function withOwnerDb<T>(fn: (ds: DataSource, cfg: DbConfig) => Promise<T>): Promise<T> {
  const cfg = loadDbConfig();
  const ds = await openDataSource(cfg.DATABASE_URL, REGULA_SCHEMA, 2, 'regula-cli');
  const pages = refreshPagesAfterChanges(ds);
  try {
    return await fn(ds, cfg);
  } finally {
    await pages.close();
    await ds.destroy();
  }
}
