import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TenantDb } from '@regula/platform';
import { TenantEntity } from './tenant.entity';

/** Reads tenants (public controller facts; the table has no secrets). */
@Injectable()
export class TenantsService {
  constructor(private readonly db: TenantDb) {}

  findBySlug(slug: string): Promise<TenantEntity | null> {
    return this.db.unscoped((em) => em.findOne(TenantEntity, { where: { slug } }));
  }

  list(ids?: string[]): Promise<TenantEntity[]> {
    return this.db.unscoped((em) => em.find(TenantEntity, { where: ids ? { id: In(ids) } : {}, order: { slug: 'ASC' } }));
  }
}
