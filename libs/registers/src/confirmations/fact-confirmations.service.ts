import { Injectable } from '@nestjs/common';
import { Fact, FactConfirmation, ProvenanceClass, RetentionRule, listFacts, unpublishableFacts } from '@regula/engine';
import { AuditService } from '@regula/audit';
import { ConflictError, DomainEvents, InvalidInputError, NotFoundError, TenantDb } from '@regula/platform';
import { TenantPagesChanged } from '@regula/tenancy';
import { ControllerDefinitionService, toConfirmation } from '../controller-definition.service';
import { RegisterEditActor } from '../register-edit.service';
import { FactConfirmationEntity } from './fact-confirmation.entity';
import { checkedReplacement } from './replacement';

/** One fact as the "to confirm" list shows it. */
export interface FactView {
  path: string;
  registerId?: string;
  kind: string;
  label?: Record<string, string>;
  /** The class in the registers as synced (before any confirmation). */
  definedAs: ProvenanceClass;
  /** The class readers get: 'stated' once a person confirmed it. */
  provenance: ProvenanceClass;
  /** Why it is assumed, corrected or unknown (the ref's note), and the ref it rests on. */
  reason?: string;
  source?: string;
  value: unknown;
  valueHash: string;
  /** Policy sections whose sentences rest on it. */
  sections: string[];
  /** Live records whose retention due date rests on it (retention rules only). */
  retentionRecords?: number;
  confirmation?: { by: string; at: string; note: string; replaced: boolean; forDemo: boolean };
}

export interface ConfirmInput {
  path: string;
  /** The value hash the person saw: refused (409) when the value changed since. */
  valueHash: string;
  note: string;
  /** A value to put in place of the assumed one (required for an unknown fact). */
  replacement?: unknown;
}

const DEMO_NOTE = 'Confirmed for the demo: a default Regula assumed, kept as it is so that the demo has published policies. A real controller confirms each fact itself.';

/**
 * The facts of a controller nobody stated yet (assumed by Regula, or unknown)
 * and the confirmations people make of them. A confirmation keeps the value or
 * replaces it, records who, when and why, is audited, and makes the fact stated
 * for every reader-facing text; it holds while the value is unchanged.
 */
@Injectable()
export class FactConfirmationsService {
  constructor(private readonly db: TenantDb, private readonly definitions: ControllerDefinitionService, private readonly audit: AuditService) {}

  /** The tenant's confirmations, oldest first, as `applyConfirmations` takes them (for pages that need no registers). */
  async confirmationsOf(tenantId: string): Promise<FactConfirmation[]> {
    const rows = await this.db.forTenant(tenantId, (em) => em.find(FactConfirmationEntity, { where: { tenantId }, order: { confirmedAt: 'ASC' } }));
    return rows.map(toConfirmation);
  }

  /** Every fact a reader sees, with its provenance before and after confirmations. */
  async facts(tenantId: string): Promise<FactView[]> {
    const stored = await this.definitions.load(tenantId);
    const confirmed = new Map(listFacts(stored.definition).map((f) => [f.path, f]));
    const views = listFacts(stored.unconfirmed).map((f) => toView(f, confirmed.get(f.path), stored.confirmations));
    const counts = await this.retentionCounts(tenantId, views);
    for (const v of views) if (counts.has(v.path)) v.retentionRecords = counts.get(v.path);
    return views;
  }

  /** How many facts wait for a person (`toConfirm`), without the retention counts the list shows. */
  async toConfirmCount(tenantId: string): Promise<number> {
    const stored = await this.definitions.load(tenantId);
    const confirmed = new Map(listFacts(stored.definition).map((f) => [f.path, f]));
    return listFacts(stored.unconfirmed).map((f) => toView(f, confirmed.get(f.path), stored.confirmations)).filter(waitsForPerson).length;
  }

  /** The facts that wait for a person: assumed or unknown, published somewhere, not yet confirmed. */
  async toConfirm(tenantId: string): Promise<FactView[]> {
    return (await this.facts(tenantId)).filter(waitsForPerson);
  }

  async confirm(tenantId: string, input: ConfirmInput, actor: RegisterEditActor): Promise<FactView> {
    const note = typeof input.note === 'string' ? input.note.trim() : '';
    if (note.length < 3 || note.length > 2000) throw new InvalidInputError(['note must be 3 to 2000 characters: say what you checked']);
    if (typeof input.valueHash !== 'string' || !/^[0-9a-f]{64}$/.test(input.valueHash)) throw new InvalidInputError(['valueHash must be the 64-character hash of the value shown']);
    const stored = await this.definitions.load(tenantId);
    const fact = listFacts(stored.unconfirmed).find((f) => f.path === input.path);
    if (!fact) throw new NotFoundError(`no fact at ${String(input.path)}`);
    if (fact.valueHash !== input.valueHash) throw new ConflictError('the value changed since it was shown: reload the list and check it again');
    const now = listFacts(stored.definition).find((f) => f.path === fact.path);
    if (now && now.provenance.class !== 'assumed' && now.provenance.class !== 'unknown') {
      throw new ConflictError(`this fact is already ${now.provenance.class}: nothing to confirm`);
    }
    if (fact.provenance.class !== 'assumed' && fact.provenance.class !== 'unknown') throw new ConflictError(`this fact is ${fact.provenance.class}: nothing to confirm`);
    const replacement = input.replacement === undefined || input.replacement === null ? undefined : checkedReplacement(fact.value, input.replacement);
    if (fact.provenance.class === 'unknown' && replacement === undefined) {
      throw new InvalidInputError(['replacement is required: nobody stated this fact, so keeping its placeholder would publish nothing true']);
    }
    await this.db.forTenant(tenantId, async (em) => {
      const row = await em.save(
        em.create(FactConfirmationEntity, {
          tenantId, path: fact.path, valueHash: fact.valueHash, previousClass: fact.provenance.class,
          replacement: replacement ?? null, note, forDemo: false, confirmedBy: actor.label, confirmedByUserId: actor.userId,
        }),
      );
      await this.audit.append(em, {
        tenantId, actorId: actor.userId, actor: actor.label, action: 'fact.confirmed', targetType: 'fact', targetId: row.id, ip: actor.ip,
        details: { path: fact.path, previousClass: fact.provenance.class, valueHash: fact.valueHash, replaced: replacement !== undefined, note },
      });
      // The public pages show the confirmed value.
      await DomainEvents.publish(em, new TenantPagesChanged({ tenantId }));
    });
    return (await this.facts(tenantId)).find((v) => v.path === fact.path)!;
  }

  /**
   * The demo set-up (`npm start`): every assumed fact a published text rests on is
   * kept as it is, as one visible, audited act of the demo admin ("confirmed for
   * the demo"). Unknown facts are never confirmed: nobody can invent them.
   * Idempotent: a second run confirms nothing.
   */
  async confirmAssumedForDemo(tenantId: string, actor: RegisterEditActor): Promise<{ confirmed: number; unknown: number }> {
    const stored = await this.definitions.load(tenantId);
    const waiting = unpublishableFacts(listFacts(stored.definition));
    const assumed = waiting.filter((f) => f.provenance.class === 'assumed');
    if (assumed.length > 0) {
      await this.db.forTenant(tenantId, async (em) => {
        await em.insert(
          FactConfirmationEntity,
          assumed.map((f) => ({
            tenantId, path: f.path, valueHash: f.valueHash, previousClass: 'assumed', note: DEMO_NOTE,
            forDemo: true, confirmedBy: actor.label, confirmedByUserId: actor.userId,
          })),
        );
        await this.audit.append(em, {
          tenantId, actorId: actor.userId, actor: actor.label, action: 'fact.confirmed-for-demo', targetType: 'tenant', targetId: tenantId,
          details: { count: assumed.length, paths: assumed.map((f) => f.path), note: DEMO_NOTE },
        });
        await DomainEvents.publish(em, new TenantPagesChanged({ tenantId }));
      });
    }
    return { confirmed: assumed.length, unknown: waiting.length - assumed.length };
  }

  /** Live records whose retention due date rests on each retention rule of the list. */
  private async retentionCounts(tenantId: string, views: FactView[]): Promise<Map<string, number>> {
    const rules = views.filter((v) => v.kind === 'retention' && v.registerId);
    if (rules.length === 0) return new Map();
    const rows: { register_key: string; category_id: string; n: string }[] = await this.db.forTenant(tenantId, (em) =>
      em.query(
        `SELECT register_key, category_id, count(*) AS n FROM personal_data_records
          WHERE tenant_id = $1 AND erased_at IS NULL AND retention_due_at IS NOT NULL GROUP BY register_key, category_id`,
        [tenantId],
      ),
    );
    const out = new Map<string, number>();
    for (const v of rules) {
      const categories = new Set((v.value as Partial<RetentionRule>).categories ?? []);
      out.set(v.path, rows.filter((r) => r.register_key === v.registerId && categories.has(r.category_id)).reduce((n, r) => n + Number(r.n), 0));
    }
    return out;
  }
}

function toView(f: Fact, confirmed: Fact | undefined, confirmations: { path: string; valueHash: string; confirmedBy: string; confirmedAt: string; note: string; replacement?: unknown; forDemo: boolean }[]): FactView {
  const c = [...confirmations].reverse().find((x) => x.path === f.path && x.valueHash === f.valueHash);
  return {
    path: f.path,
    registerId: f.registerId,
    kind: f.kind,
    label: f.label,
    definedAs: f.provenance.class,
    provenance: confirmed?.provenance.class ?? f.provenance.class,
    reason: f.provenance.decidedBy?.note,
    source: f.provenance.decidedBy ? [f.provenance.decidedBy.source, f.provenance.decidedBy.at].filter(Boolean).join(', ') : undefined,
    value: confirmed?.value ?? f.value,
    valueHash: f.valueHash,
    sections: f.sections,
    ...(c ? { confirmation: { by: c.confirmedBy, at: c.confirmedAt, note: c.note, replaced: c.replacement !== undefined, forDemo: c.forDemo } } : {}),
  };
}

/** Assumed or unknown, published somewhere, not yet confirmed. */
const waitsForPerson = (v: FactView) => v.sections.length > 0 && (v.provenance === 'assumed' || v.provenance === 'unknown');
