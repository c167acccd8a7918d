import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditAction, AuditService } from '@regula/audit';
import { ConflictError, InvalidInputError, NotFoundError, TenantDb } from '@regula/platform';
import { tenantTables } from '@regula/tenancy';

export interface DeletionActor {
  userId: string | null;
  label: string;
}

/** What a deletion removes: the rows of each table, and the code that confirms exactly this. */
export interface DeletionPlan {
  slug: string;
  archiveSha256: string;
  /** Rows per table, in the order they are deleted (referencing tables first), the tenant row last. */
  tables: { table: string; rows: number }[];
  /** Confirms this plan: the same tenant, archive and row counts give the same code. */
  confirmation: string;
}

/**
 * Deletes a controller, in two steps of a platform admin (issue 17 §1):
 * `plan` shows what will go (the rows of every table of the tenant) and a
 * confirmation code; `execute` with that code deletes it all in one
 * transaction, and only if nothing changed since the plan (the code is
 * computed again from the rows found then). Both are refused unless the
 * controller is suspended and its archive was taken after the suspension
 * began (a `tenant.archived` entry of the platform's audit chain with that
 * SHA-256). Both steps are recorded in the platform's audit chain with the
 * archive's hash, which outlives the tenant's own chain. Runs as the schema
 * owner (the command line): the API may not delete tenants.
 */
@Injectable()
export class TenantDeletions {
  constructor(private readonly db: TenantDb, private readonly audit: AuditService) {}

  async plan(slug: string, archiveSha256: string, actor: DeletionActor): Promise<DeletionPlan> {
    const tenant = await this.checked(slug, archiveSha256);
    return this.db.forTenant(tenant.id, async (em) => {
      const plan = await planOf(em, tenant, archiveSha256);
      await this.record(em, tenant.id, 'tenant.deletion-planned', actor, { slug, archiveSha256, confirmation: plan.confirmation, tables: plan.tables });
      return plan;
    });
  }

  async execute(slug: string, archiveSha256: string, confirmation: string, actor: DeletionActor): Promise<DeletionPlan> {
    const tenant = await this.checked(slug, archiveSha256);
    return this.db.forTenant(tenant.id, async (em) => {
      // No other transaction writes the tenant's rows meanwhile (the worker's sweeps among them).
      await em.query(`SELECT id FROM tenants WHERE id = $1 FOR UPDATE`, [tenant.id]);
      const plan = await planOf(em, tenant, archiveSha256);
      if (plan.confirmation !== confirmation) throw new ConflictError('the rows of the tenant changed since the plan (or the code is not its): plan the deletion again');
      // The append-only triggers let this tenant's rows go in this transaction, for the schema owner only (migration 1764600060103).
      await em.query(`SELECT set_config('regula.deleting_tenant', $1, true)`, [tenant.id]);
      for (const { table } of plan.tables) {
        if (table === 'tenants') await em.query(`DELETE FROM tenants WHERE id = $1`, [tenant.id]);
        else await em.query(`DELETE FROM "${table}" WHERE tenant_id = $1`, [tenant.id]);
      }
      await this.record(em, null, 'tenant.deleted', actor, { slug, tenantId: tenant.id, archiveSha256, tables: plan.tables });
      return plan;
    });
  }

  /** The tenant, suspended, with an archive of that hash taken since. */
  private async checked(slug: string, archiveSha256: string): Promise<{ id: string; slug: string }> {
    if (!/^[0-9a-f]{64}$/.test(archiveSha256)) throw new InvalidInputError(['archive: the SHA-256 of the tenant\'s archive, 64 hexadecimal digits (regula tenants archive prints it)']);
    return this.db.forPlatform(async (em) => {
      const [tenant] = await em.query(`SELECT id, slug, suspended_at FROM tenants WHERE slug = $1`, [slug]);
      if (!tenant) throw new NotFoundError(`no tenant ${slug}`);
      if (!tenant.suspended_at) throw new ConflictError(`${slug} is not suspended: suspend it, archive it, then delete it`);
      const [archived] = await em.query(
        `SELECT at FROM audit_log WHERE tenant_id IS NULL AND action = 'tenant.archived' AND target_id = $1 AND details->>'sha256' = $2 ORDER BY seq DESC LIMIT 1`,
        [tenant.id, archiveSha256],
      );
      if (!archived) throw new ConflictError(`no archive of ${slug} with that SHA-256 was recorded: take one with regula tenants archive`);
      if (new Date(archived.at).getTime() < new Date(tenant.suspended_at).getTime()) throw new ConflictError('that archive was taken before the suspension began: take a new one');
      return { id: tenant.id, slug: tenant.slug };
    });
  }

  private async record(em: EntityManager, tenantId: string | null, action: AuditAction, actor: DeletionActor, details: Record<string, unknown>) {
    // The platform's chain, from the tenant's transaction: the same commit as what it records.
    await em.query(`SELECT set_config('app.scope', 'platform', true)`);
    await this.audit.append(em, { tenantId: null, actorId: actor.userId, actor: actor.label, action, targetType: 'tenant', targetId: tenantId ?? undefined, details });
  }
}

/** Every table with a tenant_id, referencing tables before those they reference (so each DELETE leaves no dangling reference), then `tenants`. */
async function deletionOrder(em: EntityManager): Promise<string[]> {
  const tables = await tenantTables(em);
  const edges: { child: string; parent: string }[] = await em.query(
    `SELECT ch.relname AS child, pa.relname AS parent FROM pg_constraint k JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
      WHERE k.contype = 'f' AND ch.oid <> pa.oid`,
  );
  const order: string[] = [];
  const done = new Set<string>();
  const visiting = new Set<string>();
  // A table goes after every table that references it.
  const visit = (t: string) => {
    if (done.has(t)) return;
    if (visiting.has(t)) throw new Error(`tables reference each other in a cycle through ${t}: delete by hand`);
    visiting.add(t);
    for (const e of edges) if (e.parent === t && tables.includes(e.child)) visit(e.child);
    visiting.delete(t);
    done.add(t);
    order.push(t);
  };
  for (const t of tables) visit(t);
  return [...order, 'tenants'];
}

async function planOf(em: EntityManager, tenant: { id: string; slug: string }, archiveSha256: string): Promise<DeletionPlan> {
  const tables: { table: string; rows: number }[] = [];
  for (const table of await deletionOrder(em)) {
    const [{ n }] = await em.query(table === 'tenants' ? `SELECT count(*)::int AS n FROM tenants WHERE id = $1` : `SELECT count(*)::int AS n FROM "${table}" WHERE tenant_id = $1`, [tenant.id]);
    tables.push({ table, rows: n });
  }
  const confirmation = createHash('sha256').update(JSON.stringify({ tenant: tenant.id, archiveSha256, tables })).digest('hex').slice(0, 12);
  return { slug: tenant.slug, archiveSha256, tables, confirmation };
}
