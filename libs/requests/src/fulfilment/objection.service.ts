import { Inject, Injectable } from '@nestjs/common';
import { InvalidInputError } from '@regula/platform';
import { formatLocalDate, localDateOf, type Purpose, type Register } from '@regula/engine';
import { ConsentWrites, ObjectionFlags, type ObjectionKind } from '@regula/subjects';
import type { RequestType } from '../request-types';
import { activeConsents, applyConsentWithdrawal, planConsentWithdrawal, type PlannedConsentWithdrawal } from './consents';
import type { PlannedFulfilment, PlannedRecord, WebhookBatch } from './fulfilment-plan';
import { plannedConsent, plannedFlag } from './planned-items';
import { registerIndex } from './register-facts';
import { answerLanguage, tr } from './fulfilment-text';
import { summaries } from './outcome-text';
import { sendBatches, systemNames, systemsOfRegisters, webhookBatches } from './source-notifier';
import { purposesInScope, registersInScope, resolveScope, type Scope } from './scope';
import { FULFILMENT_WEBHOOKS, type FulfilInput, type FulfilmentContext, type FulfilmentResult, type WebhookEnqueuer } from './fulfilment.types';

type ScopedPurpose = { register: Register; purpose: Purpose };
/** One flag to record: per purpose, per register (purpose null) or for the whole tenant (both null). */
type Flag = { kind: ObjectionKind; register: Register | null; purposeId: string | null };

const MIN_GROUNDS = 20;

/**
 * Objections, recorded as flags processing honours (`processing_objections`):
 * - to direct marketing (Art. 21(2)-(3)): always honoured, no balancing,
 *   effective at once; marketing consents withdrawn with it;
 * - to automated decisions and profiling (Art. 22; Inomedis clause 19.2):
 *   recorded for every register that makes them;
 * - general (Art. 21(1)), against processing on legitimate interests or a
 *   public task: the admin decides whether compelling legitimate grounds
 *   override it and, if so, must give them (the answer states them, Art.
 *   12(4)); a direct-marketing purpose in its scope is honoured regardless.
 * Each flag is sent to the systems concerned as `subject.objected`.
 */
@Injectable()
export class ObjectionService {
  constructor(
    @Inject(FULFILMENT_WEBHOOKS) private readonly webhooks: WebhookEnqueuer,
    private readonly flags: ObjectionFlags,
    private readonly consents: ConsentWrites,
  ) {}

  async fulfil(ctx: FulfilmentContext, input: FulfilInput, type: Extract<RequestType, 'objection' | 'objection-direct-marketing' | 'objection-automated'>): Promise<FulfilmentResult> {
    const planned = this.plan(ctx, input, type);
    await planned.apply();
    return planned.result;
  }

  /** The flags, the consents withdrawn and the webhooks, computed without writing; `apply()` records them. */
  plan(ctx: FulfilmentContext, input: FulfilInput, type: Extract<RequestType, 'objection' | 'objection-direct-marketing' | 'objection-automated'>): PlannedFulfilment {
    const { result, flags, consents, notify } =
      type === 'objection-direct-marketing' ? this.directMarketing(ctx, input) : type === 'objection-automated' ? this.automated(ctx, input) : this.general(ctx, input);
    const lang = answerLanguage(ctx.request.locale);
    const defs = registerIndex(ctx.registers);
    const records: PlannedRecord[] = [
      ...flags.map((f) => plannedFlag(f.kind, f.register, f.purposeId, lang)),
      ...ctx.data.consents.filter((c) => consents.consentIds.includes(c.id)).map((c) => plannedConsent(c, defs, ctx.data.sourceSystems, lang, this.localDate(ctx))),
    ];
    const apply = async (): Promise<void> => {
      for (const f of flags) {
        await this.flags.flag(ctx.em, ctx.tenantId, { subjectId: ctx.subjectId, kind: f.kind, registerKey: f.register?.id ?? null, purposeId: f.purposeId, requestId: ctx.request.id, effectiveAt: ctx.now });
      }
      await applyConsentWithdrawal(ctx, { webhooks: this.webhooks, consents: this.consents }, consents, ctx.now);
      await sendBatches(this.webhooks, ctx, notify);
    };
    return { result, records, webhooks: [...notify, ...consents.webhooks], apply };
  }

  private directMarketing(ctx: FulfilmentContext, input: FulfilInput): Planned {
    const lang = answerLanguage(ctx.request.locale);
    const scope = resolveScope(ctx, input);
    const dm = purposesInScope(ctx, scope, (p) => !!p.directMarketing);
    const flags = this.flagsFor('direct-marketing', dm, scope);
    const consents = this.withdrawFor(ctx, dm);
    const notify = this.notify(ctx, 'direct-marketing', dm.map((x) => x.register), dm);
    return {
      flags, consents, notify,
      result: {
        outcome: {
          type: 'objection-direct-marketing',
          language: lang,
          summary: summaries(lang).directMarketing(this.localDate(ctx)),
          effectiveAt: ctx.now.toISOString(),
          purposes: this.describe(dm, lang),
          counts: { flags: flags.length, consentsWithdrawn: consents.consentIds.length },
          sourceSystemsNotified: systemNames(notify, consents.webhooks),
        },
        audit: { kind: 'direct-marketing', purposes: dm.map((x) => `${x.register.id}:${x.purpose.id}`), consentsWithdrawn: consents.consentIds.length },
      },
    };
  }

  private automated(ctx: FulfilmentContext, input: FulfilInput): Planned {
    const lang = answerLanguage(ctx.request.locale);
    const scope = resolveScope(ctx, input);
    const registers = registersInScope(ctx, scope).filter((r) => r.automatedDecisions.automatedDecisions || r.automatedDecisions.profiling);
    const flags: Flag[] = registers.map((r) => ({ kind: 'automated-decisions', register: r, purposeId: null }));
    if (isWholeTenant(scope)) flags.push({ kind: 'automated-decisions', register: null, purposeId: null });
    const notify = this.notify(ctx, 'automated-decisions', registers, []);
    return {
      flags, consents: { consentIds: [], webhooks: [] }, notify,
      result: {
        outcome: {
          type: 'objection-automated',
          language: lang,
          summary: summaries(lang).automated(this.localDate(ctx)),
          effectiveAt: ctx.now.toISOString(),
          registers: registers.map((r) => ({ register: r.id, registerName: tr(r.name, lang) })),
          counts: { flags: flags.length },
          sourceSystemsNotified: systemNames(notify),
        },
        audit: { kind: 'automated-decisions', registers: registers.map((r) => r.id) },
      },
    };
  }

  private general(ctx: FulfilmentContext, input: FulfilInput): Planned {
    const decision = input.decision;
    if (!decision || !['upheld', 'overridden'].includes(decision.outcome)) {
      throw new InvalidInputError('an objection (Art. 21(1)) needs the decision: { outcome: "upheld" | "overridden", grounds }');
    }
    const grounds = decision.grounds?.trim() ?? '';
    if (decision.outcome === 'overridden' && grounds.length < MIN_GROUNDS) {
      throw new InvalidInputError(`overriding an objection needs the compelling legitimate grounds (Art. 21(1)), at least ${MIN_GROUNDS} characters: the subject is told them`);
    }
    const lang = answerLanguage(ctx.request.locale);
    const scope = resolveScope(ctx, input);
    const objectable = purposesInScope(ctx, scope, (p) => p.legalBases.some((b) => b.article === '6(1)(e)' || b.article === '6(1)(f)'));
    const dm = objectable.filter((x) => x.purpose.directMarketing);
    const others = objectable.filter((x) => !x.purpose.directMarketing);
    const upheld = decision.outcome === 'upheld' ? others : [];

    const flags = [...this.flagsFor('direct-marketing', dm, null), ...upheld.map((x): Flag => ({ kind: 'objection', register: x.register, purposeId: x.purpose.id }))];
    const consents = this.withdrawFor(ctx, dm);
    const honoured = [...dm, ...upheld];
    const notify = honoured.length ? this.notify(ctx, 'objection', [...new Set(honoured.map((x) => x.register))], honoured) : [];

    const s = summaries(lang);
    const summary = !objectable.length
      ? s.objectionNothing()
      : decision.outcome === 'overridden' && others.length
        ? [s.objectionOverridden(), ...(dm.length ? [s.directMarketing(this.localDate(ctx))] : [])].join(' ')
        : s.objectionUpheld(honoured.length);
    return {
      flags, consents, notify,
      result: {
        outcome: {
          type: 'objection',
          language: lang,
          summary,
          decision: decision.outcome,
          ...(decision.outcome === 'overridden' ? { grounds } : {}),
          upheld: this.describe(upheld, lang),
          directMarketing: this.describe(dm, lang),
          overridden: decision.outcome === 'overridden' ? this.describe(others, lang) : [],
          counts: { flags: flags.length, consentsWithdrawn: consents.consentIds.length },
          sourceSystemsNotified: systemNames(notify, consents.webhooks),
        },
        audit: { kind: 'objection', decision: decision.outcome, grounds: grounds || null, upheld: upheld.map((x) => `${x.register.id}:${x.purpose.id}`), directMarketing: dm.map((x) => `${x.register.id}:${x.purpose.id}`) },
      },
    };
  }

  /** One flag per purpose, plus one for the whole tenant when the subject objected to all of it. */
  private flagsFor(kind: ObjectionKind, purposes: ScopedPurpose[], scope: Scope | null): Flag[] {
    const flags: Flag[] = purposes.map((x) => ({ kind, register: x.register, purposeId: x.purpose.id }));
    if (scope && isWholeTenant(scope)) flags.push({ kind, register: null, purposeId: null });
    return flags;
  }

  private withdrawFor(ctx: FulfilmentContext, purposes: ScopedPurpose[]): PlannedConsentWithdrawal {
    const keys = new Set(purposes.map((x) => `${x.register.id}:${x.purpose.id}`));
    const consents = activeConsents(ctx.data.consents, ctx.now).filter((c) => keys.has(`${c.registerKey}:${c.purposeId}`));
    return planConsentWithdrawal(ctx, consents, ctx.now);
  }

  /** `subject.objected` to every system holding the subject's data in these registers, reporting consents there, or named by them. */
  private notify(ctx: FulfilmentContext, kind: ObjectionKind, registers: Register[], purposes: ScopedPurpose[]): WebhookBatch[] {
    const keys = new Set(registers.map((r) => r.id));
    const systems = new Set<string>([
      ...ctx.data.records.filter((r) => !r.erasedAt && keys.has(r.registerKey)).map((r) => r.sourceSystemId),
      ...ctx.data.consents.filter((c) => c.sourceSystemId && keys.has(c.registerKey)).map((c) => c.sourceSystemId as string),
      ...systemsOfRegisters(ctx, keys),
    ]);
    const items = [...systems].map((sourceSystemId) => ({
      sourceSystemId,
      item: ctx.data.records.filter((r) => r.sourceSystemId === sourceSystemId && !r.erasedAt).map((r) => r.externalId),
    }));
    return webhookBatches(ctx, 'subject.objected', items, (lists) => ({
      kind,
      effectiveAt: ctx.now.toISOString(),
      registers: [...keys].sort(),
      purposes: purposes.map((x) => ({ registerKey: x.register.id, purposeId: x.purpose.id })),
      externalIds: [...new Set(lists.flat())],
    }));
  }

  private describe(purposes: ScopedPurpose[], lang: ReturnType<typeof answerLanguage>) {
    return purposes.map((x) => ({ register: x.register.id, registerName: tr(x.register.name, lang), purpose: x.purpose.id, purposeName: tr(x.purpose.name, lang) }));
  }

  private localDate(ctx: FulfilmentContext): string {
    return formatLocalDate(localDateOf(ctx.now, ctx.controller.jurisdiction.timeZone));
  }
}

/** What one kind of objection will do: its outcome, its flags, its consent withdrawals and its `subject.objected` webhooks. */
interface Planned {
  result: FulfilmentResult;
  flags: Flag[];
  consents: PlannedConsentWithdrawal;
  notify: WebhookBatch[];
}

function isWholeTenant(scope: Scope): boolean {
  return !scope.registers && !scope.purposes;
}
