import { Injectable } from '@nestjs/common';
import { TenantDb } from '@regula/platform';
import { RegisterEntity } from './register.entity';
import { RegisterVersionEntity } from './register-version.entity';

export interface RegisterView {
  key: string;
  version: number;
  validFrom: Date;
  validTo: Date | null;
  retired: boolean;
  /** Why a person retired it (null when active, or retired by `tenants sync`). */
  retiredReason: string | null;
  contentHash: string;
  definition: Record<string, unknown>;
}

function view(reg: RegisterEntity, v: RegisterVersionEntity): RegisterView {
  return { key: reg.key, version: v.version, validFrom: v.validFrom, validTo: v.validTo, retired: !!reg.retiredAt, retiredReason: reg.retiredReason ?? null, contentHash: v.contentHash, definition: v.definition };
}

/** Reads a tenant's registers. Every method takes the tenant explicitly (RLS checks it again). */
@Injectable()
export class RegistersService {
  constructor(private readonly db: TenantDb) {}

  /** The current version of every register that is not retired. */
  listCurrent(tenantId: string): Promise<RegisterView[]> {
    return this.db.forTenant(tenantId, async (em) => {
      const rows = await em
        .createQueryBuilder(RegisterEntity, 'r')
        .innerJoinAndMapOne('r.current', RegisterVersionEntity, 'v', 'v.register_id = r.id AND v.is_current')
        .where('r.tenant_id = :tenantId AND r.retired_at IS NULL', { tenantId })
        .orderBy('r.position').addOrderBy('r.key')
        .getMany();
      return rows.map((r) => view(r, (r as RegisterEntity & { current: RegisterVersionEntity }).current));
    });
  }

  /**
   * Every register as it stood at `asOf`: the version valid then (valid_from <=
   * asOf < valid_to), retired registers included while they were in force.
   */
  listAsOf(tenantId: string, asOf: Date): Promise<RegisterView[]> {
    return this.db.forTenant(tenantId, async (em) => {
      const rows = await em
        .createQueryBuilder(RegisterEntity, 'r')
        .innerJoinAndMapOne('r.current', RegisterVersionEntity, 'v', 'v.register_id = r.id AND v.valid_from <= :asOf AND (v.valid_to IS NULL OR v.valid_to > :asOf)', { asOf })
        .where('r.tenant_id = :tenantId', { tenantId })
        .orderBy('r.position')
        .addOrderBy('r.key')
        .getMany();
      return rows.map((r) => ({ ...view(r, (r as RegisterEntity & { current: RegisterVersionEntity }).current), retired: false, retiredReason: null }));
    });
  }

  /** One register at its current version, or at `version`. Null when the tenant has no such register. */
  get(tenantId: string, key: string, version?: number): Promise<RegisterView | null> {
    return this.db.forTenant(tenantId, async (em) => {
      const reg = await em.findOne(RegisterEntity, { where: { tenantId, key } });
      if (!reg) return null;
      const v = await em.findOne(RegisterVersionEntity, {
        where: version === undefined ? { registerId: reg.id, isCurrent: true } : { registerId: reg.id, version },
      });
      return v ? view(reg, v) : null;
    });
  }

  /** Every version of a register, newest first, without the definitions. */
  history(tenantId: string, key: string): Promise<Omit<RegisterView, 'definition'>[] | null> {
    return this.db.forTenant(tenantId, async (em) => {
      const reg = await em.findOne(RegisterEntity, { where: { tenantId, key } });
      if (!reg) return null;
      const versions = await em.find(RegisterVersionEntity, { where: { registerId: reg.id }, order: { version: 'DESC' } });
      return versions.map((v) => {
        const { definition: _omit, ...rest } = view(reg, v);
        return { ...rest, author: v.author, changeSummary: v.changeSummary, isCurrent: v.isCurrent } as Omit<RegisterView, 'definition'>;
      });
    });
  }
}
