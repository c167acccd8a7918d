import { diffLines } from 'diff';

export interface DiffLineView {
  kind: 'same' | 'added' | 'removed' | 'skip';
  text: string;
  /** Line numbers in the older and the newer text (empty where the line is not in it). */
  oldNo?: number;
  newNo?: number;
}

/** Unchanged lines kept around each change, so it can be read in context. */
const CONTEXT = 3;

/**
 * A line diff of two pretty-printed register definitions: added and removed
 * lines, a few unchanged lines around each change, longer unchanged runs
 * folded into one "skip" line saying how many lines were left out.
 */
export function registerLineDiff(older: string, newer: string): { lines: DiffLineView[]; added: number; removed: number } {
  const all: DiffLineView[] = [];
  let oldNo = 0;
  let newNo = 0;
  let added = 0;
  let removed = 0;
  for (const part of diffLines(older, newer)) {
    const lines = part.value.replace(/\n$/, '').split('\n');
    for (const text of lines) {
      if (part.added) {
        all.push({ kind: 'added', text, newNo: ++newNo });
        added++;
      } else if (part.removed) {
        all.push({ kind: 'removed', text, oldNo: ++oldNo });
        removed++;
      } else all.push({ kind: 'same', text, oldNo: ++oldNo, newNo: ++newNo });
    }
  }
  const keep = all.map((l, i) => l.kind !== 'same' || all.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some((x) => x.kind !== 'same'));
  const lines: DiffLineView[] = [];
  for (let i = 0; i < all.length; ) {
    if (keep[i]) {
      lines.push(all[i++]);
      continue;
    }
    let j = i;
    while (j < all.length && !keep[j]) j++;
    lines.push({ kind: 'skip', text: String(j - i) });
    i = j;
  }
  return { lines, added, removed };
}
