import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { AuditService } from '@regula/audit';
import type { ControllerDefinition, Register } from '@regula/engine';
import { canonicalJson, InvalidInputError, TenantDb } from '@regula/platform';
import { RegistersService } from '@regula/registers';
import { ConsentEntity, DataSubjectEntity, DisclosureEntity, ErasedRecordKeys, PersonalDataRecordEntity, StoreUpserts, SubjectIdentifierEntity } from '@regula/subjects';
import { TenantEntity } from '@regula/tenancy';
import { Counts, IngestBatch, IngestResult, ITEM_KINDS, ItemError, ItemKind, ItemResult, ItemStatus } from './ingest-batch';
import { NormalisedIdentifier, ValidatedBatch, validateBatch } from './ingest-validation';
import type { Actor } from './source-systems.service';

/** A refused batch: 400 with every error; nothing was stored. */
export class IngestRejectedError extends InvalidInputError {
  constructor(readonly errors: ItemError[]) {
    super(`${errors.length} error(s) in the batch: nothing was stored`, { errors });
  }
}

export interface IngestSystem {
  id: string;
  name: string;
}

const emptyCounts = (): Counts => ({ created: 0, updated: 0, unchanged: 0, ignored: 0 });
const time = (d: Date | null | undefined): number | null => (d ? new Date(d).getTime() : null);
const CHUNK = 500;

/**
 * Bulk upsert of what a tenant's system pushes: subjects with identifiers,
 * personal-data records, consents and disclosures. The batch is validated
 * against the tenant's current registers and written in one transaction
 * (per-tenant advisory lock, so concurrent batches cannot create the same
 * subject twice); any invalid item refuses the whole batch. Idempotent by
 * (system, externalId): an identical re-send changes no row. One audit entry
 * per batch that changed something, with counts only.
 */
@Injectable()
export class IngestService {
  constructor(
    private readonly db: TenantDb,
    private readonly registers: RegistersService,
    private readonly audit: AuditService,
    private readonly store: StoreUpserts,
    private readonly erasedKeys: ErasedRecordKeys,
  ) {}

  async ingest(tenantId: string, system: IngestSystem, batch: IngestBatch, opts: { actor?: Actor; now?: Date } = {}): Promise<IngestResult> {
    const now = opts.now ?? new Date();
    const registers = new Map((await this.registers.listCurrent(tenantId)).map((r) => [r.key, r.definition as unknown as Register]));
    return this.db.forTenant(tenantId, async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`regula.ingest:${tenantId}`]);
      const tenant = await em.findOneOrFail(TenantEntity, { where: { id: tenantId } });
      const def = tenant.definition as Partial<ControllerDefinition>;
      const valid = validateBatch(batch, {
        systemName: system.name, registers, country: tenant.country, timeZone: tenant.timeZone, financialYearEnd: def.financialYearEnd, now,
      });
      if (valid.errors.length) throw new IngestRejectedError(valid.errors);

      const run = new BatchRun(em, tenantId, system, this.store, this.erasedKeys);
      await run.write(valid);
      if (run.errors.length) throw new IngestRejectedError(run.errors); // rolls the transaction back

      const counts = Object.fromEntries(ITEM_KINDS.map((k) => [k, emptyCounts()])) as Record<ItemKind, Counts>;
      for (const r of run.results) counts[r.item.slice(0, r.item.indexOf('[')) as ItemKind][r.status]++;
      const changed = run.results.filter((r) => r.status === 'created' || r.status === 'updated').length;
      if (changed > 0) {
        await this.audit.append(em, {
          tenantId, actorId: opts.actor?.id ?? null, actor: opts.actor?.label ?? `system: ${system.name}`, action: 'ingest.batch',
          targetType: 'source-system', targetId: system.id, details: { system: system.name, changed, counts }, ip: opts.actor?.ip,
        });
      }
      return { ok: true, system: system.name, changed, counts, items: run.results };
    });
  }
}

/** The database half of one batch (inside its transaction): reads the store, decides each item, and has libs/subjects write. */
class BatchRun {
  readonly errors: ItemError[] = [];
  readonly results: ItemResult[] = [];
  private readonly subjectOf = new Map<string, string>();

  constructor(
    private readonly em: EntityManager,
    private readonly tenantId: string,
    private readonly system: IngestSystem,
    private readonly store: StoreUpserts,
    private readonly erasedKeys: ErasedRecordKeys,
  ) {}

  async write(v: ValidatedBatch): Promise<void> {
    await this.loadIdentifiers(v);
    await this.subjects(v);
    await this.records(v);
    await this.consents(v);
    await this.disclosures(v);
    this.results.sort((a, b) => ITEM_KINDS.indexOf(kindOf(a.item)) - ITEM_KINDS.indexOf(kindOf(b.item)) || indexOf(a.item) - indexOf(b.item));
  }

  private async loadIdentifiers(v: ValidatedBatch): Promise<void> {
    const all = new Map<string, NormalisedIdentifier>();
    for (const s of v.subjects) for (const i of s.identifiers) all.set(i.key, i);
    for (const x of [...v.records, ...v.consents, ...v.disclosures]) all.set(x.subject.key, x.subject);
    const ids = [...all.values()];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const part = ids.slice(i, i + CHUNK);
      const rows: { kind: string; value: string; subject_id: string }[] = await this.em.query(
        `SELECT i.kind, i.value, i.subject_id FROM subject_identifiers i
          JOIN unnest($2::text[], $3::text[]) AS w(kind, value) ON w.kind = i.kind AND w.value = i.value
          WHERE i.tenant_id = $1`,
        [this.tenantId, part.map((p) => p.kind), part.map((p) => p.value)],
      );
      for (const r of rows) this.subjectOf.set(`${r.kind}\u0000${r.value}`, r.subject_id);
    }
  }

  private async subjects(v: ValidatedBatch): Promise<void> {
    const known = [...new Set(v.subjects.flatMap((s) => s.identifiers.map((i) => this.subjectOf.get(i.key)).filter((x): x is string => !!x)))];
    const rows = known.length ? await this.em.find(DataSubjectEntity, { where: { id: In(known) } }) : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const newSubjects: Partial<DataSubjectEntity>[] = [];
    const newIdentifiers: Partial<SubjectIdentifierEntity>[] = [];
    for (const s of v.subjects) {
      const item = `subjects[${s.index}]`;
      const matched = [...new Set(s.identifiers.map((i) => this.subjectOf.get(i.key)).filter((x): x is string => !!x))];
      if (matched.length > 1) {
        this.errors.push({ item, message: 'these identifiers belong to different subjects in Regula: send them in separate items, or ask the compliance admin to merge the subjects' });
        continue;
      }
      let status: ItemStatus = 'unchanged';
      let subjectId = matched[0];
      if (!subjectId) {
        subjectId = randomUUID();
        newSubjects.push({ id: subjectId, tenantId: this.tenantId, displayName: s.displayName ?? null, locale: s.locale ?? null });
        status = 'created';
      } else {
        const row = byId.get(subjectId);
        const changes: Partial<DataSubjectEntity> = {};
        if (s.displayName !== undefined && s.displayName !== row?.displayName) changes.displayName = s.displayName;
        if (s.locale !== undefined && s.locale !== row?.locale) changes.locale = s.locale;
        if (Object.keys(changes).length) {
          await this.store.updateSubject(this.em, this.tenantId, subjectId, changes);
          status = 'updated';
        }
      }
      for (const i of s.identifiers) {
        if (this.subjectOf.has(i.key)) continue;
        this.subjectOf.set(i.key, subjectId);
        newIdentifiers.push({ tenantId: this.tenantId, subjectId, kind: i.kind, value: i.value });
        if (status === 'unchanged') status = 'updated';
      }
      this.results.push({ item, ...(s.externalRef ? { externalId: s.externalRef } : {}), status });
    }
    await this.store.insertSubjects(this.em, newSubjects);
    await this.store.insertIdentifiers(this.em, newIdentifiers);
  }

  private subjectFor(item: string, externalId: string, id: NormalisedIdentifier): string | null {
    const subjectId = this.subjectOf.get(id.key);
    if (!subjectId) this.errors.push({ item, externalId, message: `no subject with this ${id.kind}: send the subject in "subjects" (in this batch or an earlier one)` });
    return subjectId ?? null;
  }

  private async records(v: ValidatedBatch): Promise<void> {
    const existing = await this.existing(PersonalDataRecordEntity, { sourceSystemId: this.system.id }, v.records.map((r) => r.externalId));
    // A record a retention sweep deleted left only a keyed hash of its identity; one an erasure request erased left its tombstone row.
    const swept = new Set<string>();
    const unknown = v.records.map((r) => r.externalId).filter((id) => !existing.has(id));
    for (let i = 0; i < unknown.length; i += CHUNK) {
      for (const id of await this.erasedKeys.erasedAmong(this.em, this.tenantId, this.system.id, unknown.slice(i, i + CHUNK))) swept.add(id);
    }
    const inserts: Partial<PersonalDataRecordEntity>[] = [];
    for (const r of v.records) {
      const item = `records[${r.index}]`;
      const subjectId = this.subjectFor(item, r.externalId, r.subject);
      if (!subjectId) continue;
      const fields = {
        subjectId, registerKey: r.registerKey, categoryId: r.categoryId, value: r.value, collectedAt: r.collectedAt, anchors: r.anchors, retentionDueAt: r.retentionDueAt,
      };
      const row = existing.get(r.externalId);
      if (!row && !swept.has(r.externalId)) {
        inserts.push({ tenantId: this.tenantId, sourceSystemId: this.system.id, externalId: r.externalId, ...fields });
        this.results.push({ item, externalId: r.externalId, status: 'created' });
      } else if (!row || row.erasedAt) {
        this.results.push({ item, externalId: r.externalId, status: 'ignored', note: 'this record was erased in Regula: it is not stored again; delete it in the source system' });
      } else if (
        row.subjectId === subjectId && row.registerKey === r.registerKey && row.categoryId === r.categoryId &&
        canonicalJson(row.value) === canonicalJson(r.value) && time(row.collectedAt) === time(r.collectedAt) &&
        canonicalJson(row.anchors ?? {}) === canonicalJson(r.anchors) && time(row.retentionDueAt) === time(r.retentionDueAt)
      ) {
        this.results.push({ item, externalId: r.externalId, status: 'unchanged' });
      } else {
        await this.store.updateRecord(this.em, this.tenantId, row.id, fields);
        this.results.push({ item, externalId: r.externalId, status: 'updated' });
      }
    }
    await this.store.insertRecords(this.em, inserts);
  }

  private async consents(v: ValidatedBatch): Promise<void> {
    const existing = await this.existing(ConsentEntity, { sourceSystemId: this.system.id }, v.consents.map((c) => c.externalId));
    const inserts: (Partial<ConsentEntity> & { id: string; tenantId: string })[] = [];
    for (const c of v.consents) {
      const item = `consents[${c.index}]`;
      const subjectId = this.subjectFor(item, c.externalId, c.subject);
      if (!subjectId) continue;
      const row = existing.get(c.externalId);
      // The earliest withdrawal stands (one made in Regula is not moved by the system's later record of it).
      const earlier = row?.withdrawnAt && c.withdrawnAt && c.withdrawnAt.getTime() >= row.withdrawnAt.getTime();
      const fields = {
        subjectId, registerKey: c.registerKey, purposeId: c.purposeId, givenAt: c.givenAt, channel: c.channel, policyVersion: c.policyVersion,
        withdrawnAt: earlier ? row.withdrawnAt : c.withdrawnAt, withdrawalEffectiveAt: earlier ? row.withdrawalEffectiveAt : c.withdrawnAt,
      };
      if (!row) {
        const id = randomUUID();
        inserts.push({ id, tenantId: this.tenantId, sourceSystemId: this.system.id, externalId: c.externalId, ...fields });
        this.results.push({ item, externalId: c.externalId, status: 'created' });
      } else if (row.withdrawnAt && !c.withdrawnAt) {
        // The system has not caught up with a withdrawal (made in Regula, or reported before): it stands.
        this.results.push({
          item, externalId: c.externalId, status: 'ignored',
          note: `this consent was withdrawn on ${row.withdrawnAt.toISOString()}: a withdrawal cannot be undone; record the withdrawal in the source system, report a new consent with a new externalId`,
        });
      } else if (
        row.subjectId === subjectId && row.registerKey === c.registerKey && row.purposeId === c.purposeId && time(row.givenAt) === time(c.givenAt) &&
        row.channel === c.channel && row.policyVersion === c.policyVersion && time(row.withdrawnAt) === time(fields.withdrawnAt) &&
        time(row.withdrawalEffectiveAt) === time(fields.withdrawalEffectiveAt)
      ) {
        this.results.push({ item, externalId: c.externalId, status: 'unchanged' });
      } else {
        await this.store.updateConsent(this.em, this.tenantId, row.id, row, fields);
        this.results.push({ item, externalId: c.externalId, status: 'updated' });
      }
    }
    await this.store.insertConsents(this.em, inserts);
  }

  private async disclosures(v: ValidatedBatch): Promise<void> {
    const existing = await this.existing(DisclosureEntity, { via: this.system.name }, v.disclosures.map((d) => d.externalId));
    const inserts: Partial<DisclosureEntity>[] = [];
    for (const d of v.disclosures) {
      const item = `disclosures[${d.index}]`;
      const subjectId = this.subjectFor(item, d.externalId, d.subject);
      if (!subjectId) continue;
      const fields = { subjectId, registerKey: d.registerKey, recipientId: d.recipientId, recipientName: d.recipientName, categories: d.categories, disclosedAt: d.disclosedAt };
      const row = existing.get(d.externalId);
      if (!row) {
        inserts.push({ tenantId: this.tenantId, via: this.system.name, externalId: d.externalId, legalBasis: null, ...fields });
        this.results.push({ item, externalId: d.externalId, status: 'created' });
      } else if (
        row.subjectId === subjectId && row.registerKey === d.registerKey && row.recipientId === d.recipientId && row.recipientName === d.recipientName &&
        canonicalJson(row.categories) === canonicalJson(d.categories) && time(row.disclosedAt) === time(d.disclosedAt)
      ) {
        this.results.push({ item, externalId: d.externalId, status: 'unchanged' });
      } else {
        await this.store.updateDisclosure(this.em, this.tenantId, row.id, fields);
        this.results.push({ item, externalId: d.externalId, status: 'updated' });
      }
    }
    await this.store.insertDisclosures(this.em, inserts);
  }

  /** Rows of this system with the given external ids, by external id. */
  private async existing<E extends { externalId: string | null }>(
    entity: new () => E,
    where: Record<string, unknown>,
    externalIds: string[],
  ): Promise<Map<string, E>> {
    const out = new Map<string, E>();
    for (let i = 0; i < externalIds.length; i += CHUNK) {
      const rows = await this.em.find(entity, { where: { tenantId: this.tenantId, ...where, externalId: In(externalIds.slice(i, i + CHUNK)) } as never });
      for (const r of rows) out.set(r.externalId as string, r);
    }
    return out;
  }
}

const kindOf = (item: string): ItemKind => item.slice(0, item.indexOf('[')) as ItemKind;
const indexOf = (item: string): number => Number(item.slice(item.indexOf('[') + 1, -1));
