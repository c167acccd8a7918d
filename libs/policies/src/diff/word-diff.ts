import { diffWords } from 'diff';

export type PartKind = 'same' | 'added' | 'removed';

/** A run of words of a changed block: kept, added or removed. */
export interface DiffPart {
  kind: PartKind;
  text: string;
}

/** The word-level difference of two texts, with how much of them stayed (0..1). */
export interface WordDiff {
  parts: DiffPart[];
  similarity: number;
}

/**
 * Word-level difference between two versions of a block. `similarity` is the
 * share of characters (of both texts together) that are kept: it tells a reworded
 * block (pair it as changed) from an unrelated one (one removed, one added).
 */
export function wordDiff(oldText: string, newText: string): WordDiff {
  const parts: DiffPart[] = [];
  let kept = 0;
  for (const change of diffWords(oldText, newText)) {
    const kind: PartKind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    if (kind === 'same') kept += change.value.length;
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += change.value;
    else parts.push({ kind, text: change.value });
  }
  const total = oldText.length + newText.length;
  return { parts, similarity: total === 0 ? 1 : (2 * kept) / total };
}
