import { InvalidInputError } from '@regula/platform';
import type { Purpose, Register } from '@regula/engine';
import type { FulfilInput, FulfilmentContext } from './fulfilment.types';

/**
 * The part of the tenant's processing a request is about: the registers and
 * purposes the subject named (`details.registers` / `details.purposes`), or
 * what the admin clarified in the fulfilment body. Null: everything.
 */
export interface Scope {
  registers: Register[] | null;
  purposes: { register: Register; purpose: Purpose }[] | null;
}

function strings(v: unknown, what: string): string[] | null {
  if (v === undefined || v === null) return null;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new InvalidInputError(`${what} must be a list of ids`);
  return v.length ? (v as string[]) : null;
}

export function resolveScope(ctx: FulfilmentContext, input: FulfilInput): Scope {
  const details = ctx.request.details ?? {};
  const registerIds = strings(input.registers ?? details.registers, 'registers');
  const purposeIds = strings(input.purposes ?? details.purposes, 'purposes');
  let registers: Register[] | null = null;
  if (registerIds) {
    const unknown = registerIds.filter((id) => !ctx.registers.some((r) => r.id === id));
    if (unknown.length) throw new InvalidInputError(`unknown register(s): ${unknown.join(', ')}`);
    registers = ctx.registers.filter((r) => registerIds.includes(r.id));
  }
  let purposes: Scope['purposes'] = null;
  if (purposeIds) {
    purposes = [];
    for (const id of purposeIds) {
      const [regId, purposeId] = id.includes(':') ? id.split(':', 2) : [null, id];
      const found = (registers ?? ctx.registers)
        .filter((r) => regId === null || r.id === regId)
        .flatMap((r) => r.purposes.filter((p) => p.id === purposeId).map((p) => ({ register: r, purpose: p })));
      if (!found.length) throw new InvalidInputError(`unknown purpose: ${id}`);
      purposes.push(...found);
    }
  }
  return { registers, purposes };
}

/** The registers in scope (all when unscoped; those of the purposes when only purposes were named). */
export function registersInScope(ctx: FulfilmentContext, scope: Scope): Register[] {
  if (scope.registers) return scope.registers;
  if (scope.purposes) return [...new Set(scope.purposes.map((p) => p.register))];
  return ctx.registers;
}

/** The purposes in scope that satisfy `pred`. */
export function purposesInScope(ctx: FulfilmentContext, scope: Scope, pred: (p: Purpose) => boolean): { register: Register; purpose: Purpose }[] {
  const all = scope.purposes ?? registersInScope(ctx, scope).flatMap((r) => r.purposes.map((p) => ({ register: r, purpose: p })));
  return all.filter((x) => pred(x.purpose));
}
