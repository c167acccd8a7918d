import { Injectable } from '@nestjs/common';
import { TenantDb } from '@regula/platform';
import { TenantEntity } from '@regula/registers/tenant.entity';
import { AuditService } from './audit.service';
import { ChainVerdict } from './audit-chain';

/** What the audit queue's jobs do: list tenants, verify one tenant's chain. */
@Injectable()
export class AuditChainJobs {
  constructor(private readonly db: TenantDb, private readonly audit: AuditService) {}

  async tenantIds(): Promise<string[]> {
    const rows = await this.db.unscoped((em) => em.find(TenantEntity, { select: { id: true } }));
    return rows.map((r) => r.id);
  }

  verifyTenant(tenantId: string): Promise<ChainVerdict> {
    return this.db.forTenant(tenantId, (em) => this.audit.verify(em, tenantId));
  }
}
