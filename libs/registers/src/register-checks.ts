import type { Finding, Register } from '@regula/engine';
import { lintController } from '@regula/engine';
import { InvalidInputError, NotFoundError } from '@regula/platform';

/** A register key: lower-case letters, digits and hyphens. */
export const REGISTER_KEY = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** The definition must be a JSON object whose `id` is the register's key. */
export function checkedRegister(key: string, definition: unknown): Register {
  if (!REGISTER_KEY.test(key)) throw new NotFoundError(`no register ${key}`);
  if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) {
    throw new InvalidInputError(['the register definition must be a JSON object']);
  }
  const id = (definition as { id?: unknown }).id;
  if (id !== key) throw new InvalidInputError([`the register's "id" (${JSON.stringify(id ?? null)}) must be its key "${key}": a register cannot be renamed`]);
  return definition as Register;
}

/** Lints the controller with `reg` in place of the register of the same id (added last when it has none); a definition too malformed to check is one error. */
export function lintWith(def: Parameters<typeof lintController>[0], reg: Register): Finding[] {
  const known = def.registers.some((r) => r.id === reg.id);
  const candidate = { ...def, registers: known ? def.registers.map((r) => (r.id === reg.id ? reg : r)) : [...def.registers, reg] };
  try {
    return lintController(candidate);
  } catch (e) {
    return [{ code: 'malformed-register', severity: 'error', kind: 'definition', path: `registers[${reg.id}]`, message: `the register could not be checked: ${(e as Error).message}` }];
  }
}

