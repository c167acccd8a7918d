import Handlebars from 'handlebars';
import { BlockDiff, PolicyDiff, SectionDiff } from './policy-diff';
import { DiffPart } from './word-diff';

/** The words of the diff page, in the page's language (the caller localises them). */
export interface PolicyDiffLabels {
  /** Before the headings of sections that did not change, e.g. "Unchanged". */
  unchanged: string;
  /** Read out before added words, e.g. "added" (shown to screen readers only). */
  added: string;
  /** Read out before removed words, e.g. "removed" (shown to screen readers only). */
  removed: string;
  /** The whole text when the two versions read the same, e.g. "The two versions do not differ." */
  noDifferences: string;
}

/** Kept blocks shown on each side of a change, so that it can be read in context. */
const CONTEXT = 1;

/**
 * The diff as an HTML fragment for the public page: one `<section>` per changed
 * section, each run of unchanged sections as one line, words in `<ins>`/`<del>`
 * with a visually hidden "added: " / "removed: " because screen readers mostly do
 * not announce those elements. Every text is escaped; no inline style or script,
 * so the page's Content-Security-Policy needs nothing extra.
 */
export function renderPolicyDiffHtml(diff: PolicyDiff, labels: PolicyDiffLabels): string {
  const { added, removed, changed } = diff.counts;
  if (added + removed + changed === 0) return `<div class="policy-diff">\n<p class="policy-diff-none">${escape(labels.noDifferences)}</p>\n</div>\n`;
  const out: string[] = [];
  let unchanged: SectionDiff[] = [];
  const flushUnchanged = () => {
    if (unchanged.length > 0) out.push(unchangedLine(unchanged, labels));
    unchanged = [];
  };
  for (const section of diff.sections) {
    if (section.status === 'unchanged') unchanged.push(section);
    else {
      flushUnchanged();
      out.push(changedSection(section, labels));
    }
  }
  flushUnchanged();
  return `<div class="policy-diff">\n${out.join('\n')}\n</div>\n`;
}

function unchangedLine(sections: SectionDiff[], labels: PolicyDiffLabels): string {
  const headings = sections.map((s) => escape(s.heading)).join('; ');
  return `<p class="policy-diff-unchanged">${escape(labels.unchanged)}: ${headings}</p>`;
}

function changedSection(section: SectionDiff, labels: PolicyDiffLabels): string {
  const heading =
    section.status === 'added' ? mark('added', section.heading, labels)
    : section.status === 'removed' ? mark('removed', section.heading, labels)
    : section.headingParts ? partsHtml(section.headingParts, labels)
    : text(section.heading);
  const lines = [`<section class="policy-diff-section policy-diff-${section.status}">`, `<h2>${heading}</h2>`];
  // A section whose heading alone was reworded shows no blocks, not a lone skip mark.
  const blocks = section.blocks.some((b) => b.kind !== 'same') ? section.blocks : [];
  let skipped = false;
  blocks.forEach((block, index) => {
    if (block.kind === 'same' && !nearChange(blocks, index)) {
      // One mark per run of kept blocks left out; it carries no text to read out.
      if (!skipped) lines.push('<p class="policy-diff-skipped" aria-hidden="true">…</p>');
      skipped = true;
      return;
    }
    skipped = false;
    lines.push(`<p class="policy-diff-block policy-diff-${block.kind}">${blockHtml(block, labels)}</p>`);
  });
  lines.push('</section>');
  return lines.join('\n');
}

function nearChange(blocks: BlockDiff[], index: number): boolean {
  for (let k = Math.max(0, index - CONTEXT); k <= Math.min(blocks.length - 1, index + CONTEXT); k++) {
    if (blocks[k].kind !== 'same') return true;
  }
  return false;
}

function blockHtml(block: BlockDiff, labels: PolicyDiffLabels): string {
  if (block.kind === 'changed') return partsHtml(block.parts, labels);
  return block.kind === 'same' ? text(block.text) : mark(block.kind, block.text, labels);
}

function partsHtml(parts: DiffPart[], labels: PolicyDiffLabels): string {
  return parts.map((part) => (part.kind === 'same' ? text(part.text) : mark(part.kind, part.text, labels))).join('');
}

function mark(kind: 'added' | 'removed', value: string, labels: PolicyDiffLabels): string {
  const tag = kind === 'added' ? 'ins' : 'del';
  return `<${tag}><span class="visually-hidden">${escape(labels[kind])}: </span>${text(value)}</${tag}>`;
}

/** Escaped text; a line break of the notice (`<br>` there) stays one. */
function text(value: string): string {
  return escape(value).replace(/\n/g, '<br>');
}

function escape(value: string): string {
  return Handlebars.escapeExpression(value);
}
