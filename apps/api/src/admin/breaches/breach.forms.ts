import type { Permission } from '@regula/auth';
import type { BreachView } from '@regula/breaches';
import { AuthorityNotifiedDto, RecordBreachDto, SubjectsNotifiedDto, UpdateBreachDto } from '../../breaches/dto/breach.dto';
import { isoToLocal, localToIso } from './local-time';

type Form = Record<string, unknown>;
type Ctor = new () => object;

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
const optional = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const lines = (v: unknown) => (typeof v === 'string' ? v.split(/\r?\n/).map((l) => l.trim()).filter(Boolean) : []);
const count = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? Number(v.trim().replace(/[\s\u00a0]/g, '')) : undefined);

/** The facts of Art. 33(3) as the record and update forms send them. */
function facts(f: Form, tz: string): Record<string, unknown> {
  return {
    title: text(f.title),
    awareAt: localToIso(f.awareAt, tz),
    occurredAt: localToIso(f.occurredAt, tz),
    nature: text(f.nature),
    dataCategories: lines(f.dataCategories),
    subjectCategories: lines(f.subjectCategories),
    approxSubjects: count(f.approxSubjects),
    approxRecords: count(f.approxRecords),
    likelyConsequences: optional(f.likelyConsequences),
    measures: optional(f.measures),
    dpoContact: optional(f.dpoContact),
    risk: optional(f.risk),
    riskReasoning: optional(f.riskReasoning),
  };
}

/**
 * The breach pages' forms: the REST API's DTOs, validated the same way; the
 * fields of the HTML form turned into the DTO's shape (dates typed in the
 * controller's time zone, one category per line).
 */
export interface BreachForm {
  dto: Ctor;
  /** Flash message key after success. */
  done: string;
  build(form: Form, tz: string, current: BreachView): Record<string, unknown>;
}

export const BREACH_WRITE: Permission = 'breaches:write';

export const RECORD_FORM = { dto: RecordBreachDto, build: (f: Form, tz: string) => facts(f, tz) };

/** Only what differs from the breach (a minute-precision field re-sent unchanged must not move the clock). */
function changes(f: Form, tz: string, b: BreachView): Record<string, unknown> {
  const all: Record<string, unknown> = { ...facts(f, tz), authorityReference: optional(f.authorityReference), delayReasons: optional(f.delayReasons) };
  if (isoToLocal(b.awareAt, tz) === f.awareAt) delete all.awareAt;
  if (isoToLocal(b.occurredAt, tz) === (f.occurredAt ?? '')) delete all.occurredAt;
  for (const k of ['likelyConsequences', 'measures', 'riskReasoning', 'authorityReference', 'delayReasons'] as const) {
    // An emptied text field clears it.
    if (all[k] === undefined && typeof f[k] === 'string' && (b as unknown as Record<string, unknown>)[k]) all[k] = '';
  }
  return all;
}

export const BREACH_FORMS: Record<string, BreachForm> = {
  update: { dto: UpdateBreachDto, done: 'breach-updated', build: changes },
  'authority-notified': {
    dto: AuthorityNotifiedDto,
    done: 'breach-authority-notified',
    build: (f, tz) => ({ notifiedAt: localToIso(f.notifiedAt, tz), reference: optional(f.reference), delayReasons: optional(f.delayReasons) }),
  },
  'subjects-notified': {
    dto: SubjectsNotifiedDto,
    done: 'breach-subjects-notified',
    build: (f, tz) => ({ notifiedAt: localToIso(f.notifiedAt, tz), method: optional(f.method), exemption: optional(f.exemption), reasoning: optional(f.reasoning) }),
  },
  close: { dto: UpdateBreachDto, done: 'breach-closed', build: () => ({ status: 'closed' }) },
  reopen: { dto: UpdateBreachDto, done: 'breach-reopened', build: () => ({ status: 'open' }) },
};
