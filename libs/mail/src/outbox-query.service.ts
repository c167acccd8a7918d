import { Injectable, NotFoundException } from '@nestjs/common';
import { TenantDb } from '@regula/platform';
import { OutboxEmailEntity } from './outbox-email.entity';

/** One e-mail of a tenant's outbox (404 for an id of another tenant, exactly like an unknown one). */
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
}
