import { BadRequestException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { ValidationError, validate } from 'class-validator';
import type { Permission } from '@regula/auth';
import type { RequestType } from '@regula/requests';
import { ConfirmIdentityDto, FeeDto, MessageDto, ReasonDto, RefuseDto, RejectEvidenceDto } from '../../requests/dto/request-actions.dto';
import { FulfilDto } from '../../fulfilment/fulfil.dto';
import { AssignDto, NoteDto } from '../../requests/dto/request-desk.dto';

type Form = Record<string, unknown>;
type Ctor = new () => object;

/**
 * The request page's forms: one per action of the REST API, with the API's
 * own DTOs (whitelisted, validated the same way). `build` turns the HTML
 * form's fields into the DTO's shape.
 */
export interface ActionForm {
  permission: Permission;
  dto: Ctor;
  /** The flash message key after success. */
  done: string;
  build(form: Form, type: RequestType): Record<string, unknown>;
}

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
const optional = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const lines = (v: unknown) => (typeof v === 'string' ? v.split(/\r?\n/).map((l) => l.trim()).filter(Boolean) : []);

export const ACTION_FORMS: Record<string, ActionForm> = {
  'identity-confirm': { permission: 'requests:write', dto: ConfirmIdentityDto, done: 'identity-confirmed', build: (f) => ({ note: optional(f.note), arrivedAt: optional(f.arrivedAt) }) },
  'identity-reject': { permission: 'requests:write', dto: RejectEvidenceDto, done: 'evidence-rejected', build: (f) => ({ reason: text(f.reason), evidenceId: optional(f.evidenceId) }) },
  extend: { permission: 'requests:write', dto: ReasonDto, done: 'extended', build: (f) => ({ reason: text(f.reason) }) },
  refuse: { permission: 'requests:write', dto: RefuseDto, done: 'refused', build: (f) => ({ ground: text(f.ground), reason: text(f.reason) }) },
  fee: {
    permission: 'requests:write', dto: FeeDto, done: 'fee',
    build: (f) => ({ amount: optional(f.amount) === undefined ? undefined : Number(String(f.amount).replace(',', '.')), reason: text(f.reason) }),
  },
  message: { permission: 'requests:write', dto: MessageDto, done: 'message', build: (f) => ({ text: text(f.text) }) },
  fulfil: { permission: 'requests:fulfil', dto: FulfilDto, done: 'fulfilled', build: fulfilInput },
  // Erasure, restriction, rectification, access, portability: the same form computes a preview first (issue 14 §3).
  'fulfil-preview': { permission: 'requests:fulfil', dto: FulfilDto, done: 'previewed', build: fulfilInput },
  // An empty choice releases the request (nobody handles it).
  assign: { permission: 'requests:write', dto: AssignDto, done: 'assigned', build: (f) => ({ assigneeId: optional(f.assigneeId) ?? null }) },
  note: { permission: 'requests:write', dto: NoteDto, done: 'noted', build: (f) => ({ text: text(f.text) }) },
  // A duplicate merged into its earlier open request: no fields, shown first (the merge page), then confirmed.
  merge: { permission: 'requests:write', dto: Object, done: 'merged', build: () => ({}) },
};

/** The fulfilment's input for the request's type, from the form's fields. */
export function fulfilInput(f: Form, type: RequestType): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (type === 'rectification') {
    // One correction per line: "<record id> = <corrected value>".
    out.corrections = lines(f.corrections).map((l) => {
      const i = l.indexOf('=');
      return i < 0 ? { recordId: l, value: undefined } : { recordId: l.slice(0, i).trim(), value: l.slice(i + 1).trim() };
    });
  }
  if (type === 'objection') out.decision = { outcome: optional(f.decision), grounds: optional(f.grounds) };
  if (type === 'restriction' && optional(f.restrictionGround)) out.restrictionGround = optional(f.restrictionGround);
  if (type === 'recipients-in-period' && (optional(f.periodFrom) || optional(f.periodTo))) out.period = { from: optional(f.periodFrom) ?? '', to: optional(f.periodTo) ?? '' };
  if ((type === 'access' || type === 'recipients-in-period') && optional(f.withheld)) {
    out.withheldDisclosureIds = String(f.withheld).split(/[\s,]+/).filter(Boolean);
  }
  return out;
}

function messages(errors: ValidationError[]): string[] {
  return errors.flatMap((e) => [...Object.values(e.constraints ?? {}), ...messages(e.children ?? [])]);
}

/** Validates like the API's global ValidationPipe (whitelist, no unknown fields); 400 naming the problems. */
export async function validated<T extends object>(dto: Ctor, plain: Record<string, unknown>): Promise<T> {
  const clean = Object.fromEntries(Object.entries(plain).filter(([, v]) => v !== undefined));
  if ((dto as unknown) === Object) return clean as T;
  const instance = plainToInstance(dto, clean) as T;
  const problems = messages(await validate(instance, { whitelist: true, forbidNonWhitelisted: true }));
  if (problems.length) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: problems });
  return instance;
}
