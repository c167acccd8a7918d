import { Inject, Injectable } from '@nestjs/common';
import { formatLocalDate, localDateOf, type Lang, type Register } from '@regula/engine';
import { ConsentWrites, RecordErasure, RecordRestriction } from '@regula/subjects';
import { ArtifactStore } from './artifact-store.service';
import { activeConsents, applyConsentWithdrawal, planConsentWithdrawal } from './consents';
import { decideErasure, restrictionText, type Restriction } from './erasure-decision';
import { answerLanguage, tr } from './fulfilment-text';
import { summaries } from './outcome-text';
import { registerIndex } from './register-facts';
import { plannedRecord, type PlannedFulfilment, type PlannedRecord } from './fulfilment-plan';
import { plannedConsent } from './planned-items';
import { recipientsToInform, sendBatches, systemNames, webhookBatches } from './source-notifier';
import type { RecordView } from './subject-data';
import { FULFILMENT_WEBHOOKS, type FulfilmentContext, type FulfilmentResult, type WebhookEnqueuer } from './fulfilment.types';

const LEGAL_HOLD: Record<Lang, string> = {
  en: 'kept under a legal hold: needed for the establishment, exercise or defence of legal claims (GDPR Art. 17(3)(e))',
  et: 'säilitatakse õigusliku hoidmise tõttu: vajalik õigusnõuete koostamiseks, esitamiseks või kaitsmiseks (IKÜM art 17 lg 3 p e)',
  lt: 'saugoma dėl teisinio sulaikymo: būtina teisiniams reikalavimams pareikšti, vykdyti ar apginti (BDAR 17 str. 3 d. e p.)',
  lv: 'glabā juridiskas aizturēšanas dēļ: nepieciešams likumīgu prasījumu celšanai, īstenošanai vai aizstāvēšanai (VDAR 17. panta 3. punkta e) apakšpunkts)',
  sv: 'sparas på grund av ett rättsligt bevarandekrav: behövs för att fastställa, göra gällande eller försvara rättsliga anspråk (artikel 17.3 e)',
};

interface Group {
  register: string;
  registerName: string;
  category: string;
  categoryName: string;
  records: number;
}

/**
 * Erasure (GDPR Art. 17): every record without a legal reason to keep it is
 * erased (value removed, `erased_at` set); what a legal obligation keeps is
 * restricted instead (Art. 17(3)(b), 18) with the rule and the law named;
 * legal holds stay. Consents are withdrawn, earlier answers' files deleted,
 * the source systems told (`record.erased`, `record.restricted`). When
 * nothing is kept, the subject row keeps only its id.
 */
@Injectable()
export class ErasureService {
  constructor(
    @Inject(FULFILMENT_WEBHOOKS) private readonly webhooks: WebhookEnqueuer,
    private readonly artifacts: ArtifactStore,
    private readonly erasure: RecordErasure,
    private readonly restriction: RecordRestriction,
    private readonly consentWrites: ConsentWrites,
  ) {}

  async fulfil(ctx: FulfilmentContext): Promise<FulfilmentResult> {
    const planned = await this.plan(ctx);
    await planned.apply();
    return planned.result;
  }

  /** What the erasure will do, computed without writing; `apply()` does it. */
  async plan(ctx: FulfilmentContext): Promise<PlannedFulfilment> {
    const { em, tenantId, now } = ctx;
    const lang = answerLanguage(ctx.request.locale);
    const defs = registerIndex(ctx.registers);
    const opts = { timeZone: ctx.controller.jurisdiction.timeZone, financialYearEnd: ctx.controller.financialYearEnd, now };
    const decided = ctx.data.records.map((record) => ({ record, d: decideErasure(record, defs.get(record.registerKey), opts) }));
    const erase = decided.filter((x) => x.d.action === 'erase').map((x) => x.record);
    const restrict = decided.filter((x): x is { record: RecordView; d: Restriction } => x.d.action === 'restrict');
    const held = decided.filter((x) => x.d.action === 'keep').map((x) => x.record);

    const consents = planConsentWithdrawal(ctx, activeConsents(ctx.data.consents, now), now);
    const filesDeleted = await this.artifacts.countForSubject(em, tenantId, ctx.subjectId, ctx.request.id);
    const nothingKept = !restrict.length && !held.length;

    const erasedHooks = webhookBatches(
      ctx, 'record.erased',
      erase.map((r) => ({ sourceSystemId: r.sourceSystemId, item: { externalId: r.externalId, registerKey: r.registerKey, categoryId: r.categoryId } })),
      (records) => ({ records, erasedAt: now.toISOString() }),
    );
    const restrictedHooks = webhookBatches(
      ctx, 'record.restricted',
      restrict.map(({ record, d }) => ({
        sourceSystemId: record.sourceSystemId,
        item: { externalId: record.externalId, registerKey: record.registerKey, categoryId: record.categoryId, reason: restrictionText(d, 'en'), keptUntil: d.keepUntilDate },
      })),
      (records) => ({ records, restrictedAt: now.toISOString(), ground: 'GDPR Art. 17(3)(b): legal obligation to keep' }),
    );

    const apply = async (): Promise<void> => {
      await this.erasure.eraseRecords(em, tenantId, ctx.subjectId, erase.map((r) => r.id), now);
      for (const { record, d } of restrict) await this.restriction.restrictKept(em, tenantId, record.id, now, restrictionText(d, 'en'));
      await applyConsentWithdrawal(ctx, { webhooks: this.webhooks, consents: this.consentWrites }, consents, now);
      await this.artifacts.deleteForSubject(em, tenantId, ctx.subjectId, ctx.request.id);
      if (nothingKept) await this.erasure.eraseSubject(em, tenantId, ctx.subjectId, now);
      await sendBatches(this.webhooks, ctx, [...erasedHooks, ...restrictedHooks]);
    };

    const systems = ctx.data.sourceSystems;
    const records: PlannedRecord[] = [
      ...erase.map((r) => plannedRecord(r, defs, systems, lang, 'erase')),
      ...restrict.map(({ record, d }) => plannedRecord(record, defs, systems, lang, 'keep-by-law', { law: tr(d.law, lang), rule: d.ruleId, until: d.keepUntilDate })),
      ...held.map((r) => plannedRecord(r, defs, systems, lang, 'keep-legal-hold')),
      // The consents withdrawn with the erasure, effective at once (shown like the records, so a consent given meanwhile shows as added).
      ...ctx.data.consents.filter((c) => consents.consentIds.includes(c.id))
        .map((c) => plannedConsent(c, defs, systems, lang, formatLocalDate(localDateOf(now, ctx.controller.jurisdiction.timeZone)))),
    ];
    return {
      result: this.outcome(ctx, lang, defs, { erase, restrict, held, consentsWithdrawn: consents.consentIds.length, filesDeleted, nothingKept },
        systemNames(erasedHooks, restrictedHooks, consents.webhooks)),
      records,
      webhooks: [...consents.webhooks, ...erasedHooks, ...restrictedHooks],
      apply,
    };
  }

  private outcome(
    ctx: FulfilmentContext, lang: Lang, defs: Map<string, Register>,
    { erase, restrict, held, consentsWithdrawn, filesDeleted, nothingKept }:
      { erase: RecordView[]; restrict: { record: RecordView; d: Restriction }[]; held: RecordView[]; consentsWithdrawn: number; filesDeleted: number; nothingKept: boolean },
    notified: string[],
  ): FulfilmentResult {
    const group = (records: RecordView[]): Group[] => {
      const map = new Map<string, Group>();
      for (const r of records) {
        const key = `${r.registerKey}\u0000${r.categoryId}`;
        const def = defs.get(r.registerKey);
        const g = map.get(key) ?? {
          register: r.registerKey,
          registerName: tr(def?.name, lang) || r.registerKey,
          category: r.categoryId,
          categoryName: tr(def?.dataCategories.find((c) => c.id === r.categoryId)?.name, lang) || r.categoryId,
          records: 0,
        };
        g.records++;
        map.set(key, g);
      }
      return [...map.values()];
    };

    const keptByLaw = new Map<string, Group & Record<string, unknown>>();
    for (const { record, d } of restrict) {
      const [g] = group([record]);
      const key = `${g.register}\u0000${g.category}\u0000${d.keepUntilDate ?? ''}`;
      const prev = keptByLaw.get(key);
      if (prev) prev.records++;
      else {
        keptByLaw.set(key, {
          ...g, reason: 'legal-obligation', rule: d.ruleId, law: tr(d.law, lang), until: d.keepUntilDate, explanation: restrictionText(d, lang),
        });
      }
    }
    const kept = [
      ...keptByLaw.values(),
      ...group(held).map((g) => ({ ...g, reason: 'legal-hold', rule: null, law: null, until: null, explanation: LEGAL_HOLD[lang] })),
    ];
    const erasedGroups = group(erase);
    const affected = new Set([...erase, ...restrict.map((x) => x.record), ...held].map((r) => r.registerKey));
    const s = summaries(lang);
    return {
      outcome: {
        type: 'erasure',
        language: lang,
        summary: kept.length ? s.erasureKept(erase.length, restrict.length + held.length) : s.erasureAll(erase.length),
        erased: erasedGroups,
        kept,
        counts: { erased: erase.length, restricted: restrict.length, legalHold: held.length, consentsWithdrawn, filesDeleted },
        sourceSystemsNotified: notified,
        recipientsToInform: recipientsToInform(ctx, affected),
      },
      audit: {
        erased: erase.length,
        restricted: restrict.map(({ record, d }) => ({ recordId: record.id, rule: d.ruleId, until: d.keepUntilDate })),
        legalHold: held.map((r) => r.id),
        consentsWithdrawn,
        filesDeleted,
        subjectErased: nothingKept,
      },
    };
  }
}

