import { DataSource, DataSourceOptions } from 'typeorm';
import type { LibSchema } from './lib-schema';

/**
 * Options for a data source at `url` (owner or application role) with the
 * entities and migrations the app composed. Waiting
 * for a pooled connection is bounded by `connectTimeoutMs`: an exhausted pool
 * answers DatabaseBusyError (503, Retry-After) instead of a request hanging.
 */
export function dataSourceOptions(url: string, schema: LibSchema, poolSize = 10, applicationName = 'regula', connectTimeoutMs = 10_000): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [...schema.entities],
    // Never `synchronize`: the migrations are the schema.
    migrations: [...schema.migrations],
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    poolSize,
    applicationName,
    extra: { connectionTimeoutMillis: connectTimeoutMs },
  };
}

/** Opens a data source (used by the CLI and tests; Nest apps use `DatabaseModule.forRoot`). */
export async function openDataSource(url: string, schema: LibSchema, poolSize = 4, applicationName = 'regula-cli'): Promise<DataSource> {
  return new DataSource(dataSourceOptions(url, schema, poolSize, applicationName)).initialize();
}
