import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * Options for a data source at `url` (owner or application role). Waiting
 * for a pooled connection is bounded by `connectTimeoutMs`: an exhausted pool
 * answers DatabaseBusyError (503, Retry-After) instead of a request hanging.
 */
export function dataSourceOptions(url: string, poolSize = 10, applicationName = 'regula', connectTimeoutMs = 10_000): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    poolSize,
    applicationName,
    extra: { connectionTimeoutMillis: connectTimeoutMs },
  };
}

/** Opens a data source (used by the CLI and tests; Nest apps use TypeOrmModule). */
export async function openDataSource(url: string, poolSize = 4, applicationName = 'regula-cli'): Promise<DataSource> {
  return new DataSource(dataSourceOptions(url, poolSize, applicationName)).initialize();
}
