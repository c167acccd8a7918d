import { Injectable, NotFoundException } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { PageRequest, pageWindow, TenantDb } from '@regula/platform';
import { OutboxEmailEntity } from './outbox-email.entity';

/**
 * One e-mail of a tenant's outbox (404 for an id of another tenant, exactly
 * like an unknown one); the platform's own outbox (its e-mails to platform admins).
 */
@Injectable()
export class OutboxQueryService {
  constructor(private readonly db: TenantDb) {}

  get(tenantId: string, id: string): Promise<OutboxEmailEntity> {
    return this.db.forTenant(tenantId, async (em) => {
      const row = await em.findOne(OutboxEmailEntity, { where: { id, tenantId } });
      if (!row) throw new NotFoundException(`no e-mail ${id}`);
      return row;
    });
  }

  /** The platform's e-mails to its admins, newest first (read in the platform scope: row-level security hides them from tenants). */
  platform(opts: PageRequest) {
    const { page, pageSize } = pageWindow(opts, 25, 100);
    return this.db.forPlatform(async (em) => {
      const [items, total] = await em.findAndCount(OutboxEmailEntity, {
        where: { tenantId: IsNull() },
        order: { createdAt: 'DESC', id: 'DESC' },
        take: pageSize,
        skip: (page - 1) * pageSize,
      });
      return { items, total, page, pageSize };
    });
  }
}
