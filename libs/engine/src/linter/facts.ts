import { ControllerDefinition } from '../schema/controller';
import { LegalBasis } from '../schema/legal-basis';
import { ListOrNone, Purpose, Register } from '../schema/register';
import { childPath, itemPath } from './walk';

/**
 * Typed, defensive iteration over a definition's facts with their paths. The
 * linter runs on definitions that may be incomplete (that is what it reports),
 * so every accessor tolerates missing lists.
 */

/** The items of a list, or none when it is `'none'`, missing or not a list. */
export function listOf<T>(list: ListOrNone<T> | T[] | undefined | null): T[] {
  return Array.isArray(list) ? list : [];
}

export interface At<T> {
  item: T;
  path: string;
}

/** The items of `parent[key]` with their paths. */
export function itemsAt<T>(parentPath: string, key: string, list: ListOrNone<T> | T[] | undefined | null): At<T>[] {
  const listPath = childPath(parentPath, key);
  return listOf(list).map((item, i) => ({ item, path: itemPath(listPath, item, i) }));
}

export function registersOf(def: ControllerDefinition): At<Register>[] {
  return itemsAt('', 'registers', def.registers);
}

export interface PurposeAt extends At<Purpose> {
  register: Register;
}

export function purposesOf(def: ControllerDefinition): PurposeAt[] {
  return registersOf(def).flatMap(({ item: register, path }) =>
    itemsAt(path, 'purposes', register.purposes).map((p) => ({ ...p, register })),
  );
}

export interface BasisAt extends At<LegalBasis> {
  purpose: Purpose;
  register: Register;
}

export function basesOf(def: ControllerDefinition): BasisAt[] {
  return purposesOf(def).flatMap(({ item: purpose, path, register }) =>
    itemsAt(path, 'legalBases', purpose.legalBases).map((b) => ({ ...b, purpose, register })),
  );
}

/** The Art. 6(1) bases a purpose (or a whole register, or the definition) relies on. */
export function articlesOf(purposes: Purpose[]): Set<string> {
  return new Set(purposes.flatMap((p) => listOf(p.legalBases).map((b) => b.article)));
}

export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** The string ids of a list's items, in order (duplicates kept). */
export function idsOf(list: unknown): string[] {
  return listOf(list as { id?: unknown }[])
    .map((item) => (item !== null && typeof item === 'object' ? item.id : undefined))
    .filter((id): id is string => typeof id === 'string');
}
