import { BadRequestException } from '@nestjs/common';
import { endOfLocalDay, isValidLocalDate } from '@regula/engine';

type Form = Record<string, unknown>;

/** The checkboxes named `gates` (none, one or several). */
export function gatesOf(body: Form): string[] {
  const g = body.gates;
  return (Array.isArray(g) ? g : g === undefined ? [] : [g]).filter((x): x is string => typeof x === 'string');
}

/** The access end date 'YYYY-MM-DD' as the end of that day in the controller's time zone; empty: none. */
export function accessUntilOf(body: Form, timeZone: string): Date | null {
  const v = typeof body.accessUntil === 'string' ? body.accessUntil.trim() : '';
  if (!v) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const d = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
  if (!d || !isValidLocalDate(d)) throw new BadRequestException('accessUntil must be a date (YYYY-MM-DD)');
  return endOfLocalDay(d, timeZone);
}

/** What the membership service gets from the invite and change forms (it validates role and gates). */
export function termsOf(body: Form, timeZone: string) {
  const gates = gatesOf(body);
  return { role: body.role, gates: gates.length ? gates : null, accessUntil: accessUntilOf(body, timeZone) };
}

/** The values typed, to show again on a form that came back with an error. */
export function typedValues(body: Form) {
  const gates = new Set(gatesOf(body));
  return {
    email: typeof body.email === 'string' ? body.email.slice(0, 254) : '',
    role: typeof body.role === 'string' ? body.role : '',
    gates,
    accessUntil: typeof body.accessUntil === 'string' ? body.accessUntil.slice(0, 10) : '',
  };
}
