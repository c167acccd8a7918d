import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** Options for a data source at `url` (owner or application role). */
export function dataSourceOptions(url: string, poolSize = 10, applicationName = 'regula'): DataSourceOptions {
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
    extra: { connectionTimeoutMillis: 10000 },
  };
}

/** Opens a data source (used by the CLI and tests; Nest apps use TypeOrmModule). */
export async function openDataSource(url: string, poolSize = 4, applicationName = 'regula-cli'): Promise<DataSource> {
  return new DataSource(dataSourceOptions(url, poolSize, applicationName)).initialize();
}
