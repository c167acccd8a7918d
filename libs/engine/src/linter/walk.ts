import { LANGS, Ref, Text } from '../schema/text';

/** `parent.key`, or `key` at the root. */
export function childPath(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}

/** `list[id]` when the item has a string id, `list[index]` otherwise. */
export function itemPath(listPath: string, item: unknown, index: number): string {
  const id = item !== null && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
  return `${listPath}[${typeof id === 'string' && id !== '' ? id : index}]`;
}

/**
 * Visits `node` and everything below it, depth first, in property order.
 * `key` is the property the node sits under (for an array item: the array's
 * property). Returning `false` skips the node's children.
 */
export type Visitor = (node: unknown, path: string, key: string | undefined) => boolean | void;

export function walk(node: unknown, visit: Visitor, path = '', key?: string, ancestors = new Set<object>()): void {
  if (visit(node, path, key) === false) return;
  if (node === null || typeof node !== 'object' || ancestors.has(node)) return;
  ancestors.add(node);
  if (Array.isArray(node)) node.forEach((item, i) => walk(item, visit, itemPath(path, item, i), key, ancestors));
  else for (const [k, v] of Object.entries(node)) walk(v, visit, childPath(path, k), k, ancestors);
  ancestors.delete(node);
}

const LANG_SET = new Set<string>(LANGS);

/** A Text is an object whose keys are all languages and that has `en`. */
export function isText(node: unknown): node is Text {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return false;
  const keys = Object.keys(node);
  return keys.includes('en') && keys.every((k) => LANG_SET.has(k));
}

/** Every Text below `root`, with its path. */
export function eachText(root: unknown, fn: (text: Text, path: string) => void): void {
  walk(root, (node, path) => {
    if (!isText(node)) return;
    fn(node, path);
    return false;
  });
}

/** Every Ref below `root` (the items of any `ref` list), with its path. */
export function eachRef(root: unknown, fn: (ref: Ref, path: string) => void): void {
  walk(root, (node, path, key) => {
    if (key !== 'ref' || !Array.isArray(node)) return;
    node.forEach((item, i) => {
      if (item !== null && typeof item === 'object') fn(item as Ref, itemPath(path, item, i));
    });
    return false;
  });
}

/** The non-empty strings of a Text, in every language it has. */
export function textValues(text: Text | undefined): string[] {
  if (!text || typeof text !== 'object') return [];
  return Object.values(text).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}
