import { diffArrays } from 'diff';
import { PolicySectionText, policyLanguage, policySections } from './policy-sections';
import { DiffPart, WordDiff, wordDiff } from './word-diff';

export type SectionStatus = 'added' | 'removed' | 'changed' | 'unchanged';

/** One text block (paragraph, list item, table row) of a section, compared. */
export type BlockDiff =
  | { kind: 'same' | 'added' | 'removed'; text: string }
  | { kind: 'changed'; parts: DiffPart[] };

export interface SectionDiff {
  /** The `<section id>` of the notice, or `intro` for what precedes the first section. */
  id: string;
  /** The heading in the new version (the old one for a removed section). */
  heading: string;
  /** The heading's word difference, when its wording (not only its number) changed. */
  headingParts?: DiffPart[];
  status: SectionStatus;
  blocks: BlockDiff[];
}

export interface PolicyDiff {
  /** Language of the new rendering (`<article lang>`). */
  lang?: string;
  /** Sections in the new version's order; a removed section stays where it was. */
  sections: SectionDiff[];
  /** Blocks added, removed and changed in all sections (a reworded heading counts as changed). */
  counts: { added: number; removed: number; changed: number };
}

/**
 * Two blocks of one hunk are paired as one changed block when at least this share
 * of their text is kept; below it, showing one removed and one added block reads better.
 */
const SIMILAR = 0.5;
/** Beyond this many removed × added blocks in one hunk, blocks are not paired (the pairing is quadratic). */
const MAX_PAIRINGS = 2500;

/**
 * The readable difference between two renderings of one notice (same language) by
 * `PolicyRenderer`: sections matched by id, and within each section its text blocks
 * compared, a reworded block shown with its words added and removed.
 */
export function diffPolicies(oldHtml: string, newHtml: string): PolicyDiff {
  const before = policySections(oldHtml);
  const after = policySections(newHtml);
  const oldById = new Map(before.map((s) => [s.id, s]));
  const newIds = new Set(after.map((s) => s.id));
  const sections: SectionDiff[] = [];
  for (const change of diffArrays(before.map((s) => s.id), after.map((s) => s.id))) {
    for (const id of change.value) {
      if (change.removed) {
        // A section that moved is compared where it now stands, not reported twice.
        if (!newIds.has(id)) sections.push(wholeSection(oldById.get(id)!, 'removed'));
      } else {
        const current = after.find((s) => s.id === id)!;
        const previous = oldById.get(id);
        sections.push(previous ? compareSection(previous, current) : wholeSection(current, 'added'));
      }
    }
  }
  return { lang: policyLanguage(newHtml), sections, counts: countChanges(sections) };
}

function wholeSection(section: PolicySectionText, status: 'added' | 'removed'): SectionDiff {
  return { id: section.id, heading: section.heading, status, blocks: section.blocks.map((text) => ({ kind: status, text })) };
}

function compareSection(previous: PolicySectionText, current: PolicySectionText): SectionDiff {
  const blocks = compareBlocks(previous.blocks, current.blocks);
  // Section numbers shift when a section is added or removed; only reworded headings count.
  const reworded = withoutNumber(previous.heading) !== withoutNumber(current.heading);
  const changed = reworded || blocks.some((b) => b.kind !== 'same');
  return {
    id: current.id,
    heading: current.heading,
    ...(reworded ? { headingParts: wordDiff(previous.heading, current.heading).parts } : {}),
    status: changed ? 'changed' : 'unchanged',
    blocks,
  };
}

function withoutNumber(heading: string): string {
  return heading.replace(/^\d+\.\s*/, '');
}

/** Blocks compared in order; each run of removed and added blocks between kept ones is paired up. */
function compareBlocks(before: string[], after: string[]): BlockDiff[] {
  const result: BlockDiff[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    result.push(...pairHunk(removed, added));
    removed = [];
    added = [];
  };
  for (const change of diffArrays(before, after)) {
    if (change.removed) removed.push(...change.value);
    else if (change.added) added.push(...change.value);
    else {
      flush();
      result.push(...change.value.map((text) => ({ kind: 'same' as const, text })));
    }
  }
  flush();
  return result;
}

/**
 * Pairs removed with added blocks, keeping both orders: a removed block and the
 * next added one become one changed block when enough of their words are kept;
 * an added block is passed over (stays added) when the removed block resembles a
 * later one; the rest stay removed or added.
 */
function pairHunk(removed: string[], added: string[]): BlockDiff[] {
  if (removed.length * added.length > MAX_PAIRINGS) {
    return [...removed.map((text) => ({ kind: 'removed' as const, text })), ...added.map((text) => ({ kind: 'added' as const, text }))];
  }
  const memo = new Map<string, WordDiff>();
  const compare = (i: number, j: number): WordDiff => {
    const key = `${i}:${j}`;
    let diff = memo.get(key);
    if (!diff) memo.set(key, (diff = wordDiff(removed[i], added[j])));
    return diff;
  };
  const result: BlockDiff[] = [];
  let i = 0;
  let j = 0;
  while (i < removed.length && j < added.length) {
    const pair = compare(i, j);
    if (pair.similarity >= SIMILAR) {
      result.push({ kind: 'changed', parts: pair.parts });
      i++;
      j++;
    } else if (added.slice(j + 1).some((_, k) => compare(i, j + 1 + k).similarity >= SIMILAR)) {
      result.push({ kind: 'added', text: added[j++] });
    } else {
      result.push({ kind: 'removed', text: removed[i++] });
    }
  }
  result.push(...removed.slice(i).map((text) => ({ kind: 'removed' as const, text })));
  result.push(...added.slice(j).map((text) => ({ kind: 'added' as const, text })));
  return result;
}

function countChanges(sections: SectionDiff[]): PolicyDiff['counts'] {
  const counts = { added: 0, removed: 0, changed: 0 };
  for (const section of sections) {
    if (section.headingParts) counts.changed++;
    for (const block of section.blocks) if (block.kind !== 'same') counts[block.kind]++;
  }
  return counts;
}
