import { DataSource } from 'typeorm';
import { TenantEntity } from '@regula/tenancy';
import { UsageError } from './command';

/**
 * The tenants a command works on, in slug order: those named by `slugs`, or
 * every tenant when none is named. A name that is no tenant is a usage error
 * that lists the known ones.
 */
export async function tenantsNamed(ds: DataSource, slugs: readonly string[]): Promise<TenantEntity[]> {
  const all = await ds.getRepository(TenantEntity).find({ order: { slug: 'ASC' } });
  const unknown = slugs.filter((s) => !all.some((t) => t.slug === s));
  if (unknown.length) throw new UsageError(`unknown tenant ${unknown.join(', ')} (known: ${all.map((t) => t.slug).join(', ') || 'none: run `regula tenants sync` first'})`);
  return slugs.length ? all.filter((t) => slugs.includes(t.slug)) : all;
}
