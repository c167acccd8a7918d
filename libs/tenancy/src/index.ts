export * from './tenant.entity';
export * from './tenant-version.entity';
export * from './tenant-suspension';
export * from './tenants.service';
export * from './tenancy.module';
export * from './schema';
export * from './tenant-pages-changed.event';
export * from './page-generation';
