import { Inject, Injectable } from '@nestjs/common';
import { InvalidInputError } from '@regula/platform';
import { formatLocalDate, localDateOf, type Purpose, type Register } from '@regula/engine';
import { ConsentWrites, ObjectionFlags, type ObjectionKind } from '@regula/subjects';
import type { RequestType } from '../request-types';
import { activeConsents, withdrawConsents } from './consents';
import { answerLanguage, tr } from './fulfilment-text';
import { summaries } from './outcome-text';
import { notifyPerSystem, systemsOfRegisters } from './source-notifier';
import { purposesInScope, registersInScope, resolveScope, type Scope } from './scope';
import { FULFILMENT_WEBHOOKS, type FulfilInput, type FulfilmentContext, type FulfilmentResult, type WebhookEnqueuer } from './fulfilment.types';

type ScopedPurpose = { register: Register; purpose: Purpose };

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

  fulfil(ctx: FulfilmentContext, input: FulfilInput, type: Extract<RequestType, 'objection' | 'objection-direct-marketing' | 'objection-automated'>): Promise<FulfilmentResult> {
    if (type === 'objection-direct-marketing') return this.directMarketing(ctx, input);
    if (type === 'objection-automated') return this.automated(ctx, input);
    return this.general(ctx, input);
  }

  private async directMarketing(ctx: FulfilmentContext, input: FulfilInput): Promise<FulfilmentResult> {
    const lang = answerLanguage(ctx.request.locale);
    const scope = resolveScope(ctx, input);
    const dm = purposesInScope(ctx, scope, (p) => !!p.directMarketing);
    const flagged = await this.flag(ctx, 'direct-marketing', dm, scope);
    const consents = await this.withdrawFor(ctx, dm);
    const notified = await this.notify(ctx, 'direct-marketing', dm.map((x) => x.register), dm);
    return {
      outcome: {
        type: 'objection-direct-marketing',
        language: lang,
        summary: summaries(lang).directMarketing(this.localDate(ctx)),
        effectiveAt: ctx.now.toISOString(),
        purposes: this.describe(dm, lang),
        counts: { flags: flagged, consentsWithdrawn: consents.withdrawn },
        sourceSystemsNotified: [...new Set([...notified, ...consents.notified])].sort(),
      },
      audit: { kind: 'direct-marketing', purposes: dm.map((x) => `${x.register.id}:${x.purpose.id}`), consentsWithdrawn: consents.withdrawn },
    };
  }

  private async automated(ctx: FulfilmentContext, input: FulfilInput): Promise<FulfilmentResult> {
    const lang = answerLanguage(ctx.request.locale);
    const scope = resolveScope(ctx, input);
    const registers = registersInScope(ctx, scope).filter((r) => r.automatedDecisions.automatedDecisions || r.automatedDecisions.profiling);
    let flagged = 0;
    for (const r of registers) flagged += await this.insert(ctx, 'automated-decisions', r.id, null);
    if (isWholeTenant(scope)) flagged += await this.insert(ctx, 'automated-decisions', null, null);
    const notified = await this.notify(ctx, 'automated-decisions', registers, []);
    return {
      outcome: {
        type: 'objection-automated',
        language: lang,
        summary: summaries(lang).automated(this.localDate(ctx)),
        effectiveAt: ctx.now.toISOString(),
        registers: registers.map((r) => ({ register: r.id, registerName: tr(r.name, lang) })),
        counts: { flags: flagged },
        sourceSystemsNotified: notified,
      },
      audit: { kind: 'automated-decisions', registers: registers.map((r) => r.id) },
    };
  }

  private async general(ctx: FulfilmentContext, input: FulfilInput): Promise<FulfilmentResult> {
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

    let flagged = await this.flag(ctx, 'direct-marketing', dm, null);
    for (const x of upheld) flagged += await this.insert(ctx, 'objection', x.register.id, x.purpose.id);
    const consents = await this.withdrawFor(ctx, dm);
    const honoured = [...dm, ...upheld];
    const notified = honoured.length ? await this.notify(ctx, 'objection', [...new Set(honoured.map((x) => x.register))], honoured) : [];

    const s = summaries(lang);
    const summary = !objectable.length
      ? s.objectionNothing()
      : decision.outcome === 'overridden' && others.length
        ? [s.objectionOverridden(), ...(dm.length ? [s.directMarketing(this.localDate(ctx))] : [])].join(' ')
        : s.objectionUpheld(honoured.length);
    return {
      outcome: {
        type: 'objection',
        language: lang,
        summary,
        decision: decision.outcome,
        ...(decision.outcome === 'overridden' ? { grounds } : {}),
        upheld: this.describe(upheld, lang),
        directMarketing: this.describe(dm, lang),
        overridden: decision.outcome === 'overridden' ? this.describe(others, lang) : [],
        counts: { flags: flagged, consentsWithdrawn: consents.withdrawn },
        sourceSystemsNotified: [...new Set([...notified, ...consents.notified])].sort(),
      },
      audit: { kind: 'objection', decision: decision.outcome, grounds: grounds || null, upheld: upheld.map((x) => `${x.register.id}:${x.purpose.id}`), directMarketing: dm.map((x) => `${x.register.id}:${x.purpose.id}`) },
    };
  }

  /** One flag per purpose, plus one for the whole tenant when the subject objected to all of it. */
  private async flag(ctx: FulfilmentContext, kind: ObjectionKind, purposes: ScopedPurpose[], scope: Scope | null): Promise<number> {
    let n = 0;
    for (const x of purposes) n += await this.insert(ctx, kind, x.register.id, x.purpose.id);
    if (scope && isWholeTenant(scope)) n += await this.insert(ctx, kind, null, null);
    return n;
  }

  private async insert(ctx: FulfilmentContext, kind: ObjectionKind, registerKey: string | null, purposeId: string | null): Promise<number> {
    await this.flags.flag(ctx.em, ctx.tenantId, { subjectId: ctx.subjectId, kind, registerKey, purposeId, requestId: ctx.request.id, effectiveAt: ctx.now });
    return 1;
  }

  private withdrawFor(ctx: FulfilmentContext, purposes: ScopedPurpose[]) {
    const keys = new Set(purposes.map((x) => `${x.register.id}:${x.purpose.id}`));
    const consents = activeConsents(ctx.data.consents, ctx.now).filter((c) => keys.has(`${c.registerKey}:${c.purposeId}`));
    return withdrawConsents(ctx, { webhooks: this.webhooks, consents: this.consents }, consents, ctx.now);
  }

  /** `subject.objected` to every system holding the subject's data in these registers, reporting consents there, or named by them. */
  private notify(ctx: FulfilmentContext, kind: ObjectionKind, registers: Register[], purposes: ScopedPurpose[]): Promise<string[]> {
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
    return notifyPerSystem(this.webhooks, ctx, 'subject.objected', items, (lists) => ({
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

function isWholeTenant(scope: Scope): boolean {
  return !scope.registers && !scope.purposes;
}
