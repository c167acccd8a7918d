/** What pdfmake's renderer reads of a laid-out word ("inline"). */
interface Inline {
  text: string;
  x: number;
  width: number;
  font: object;
  fontSize: number;
  color?: unknown;
  opacity?: unknown;
  characterSpacing?: number;
  [more: string]: unknown;
}
interface PageItem {
  type: string;
  item: { inlines?: Inline[] };
}
interface LayoutBuilderClass {
  prototype: { layoutDocument(...args: unknown[]): { items: PageItem[] }[] };
}

/** Fields that make a word render on its own (links, page references, decorations, features, raised or lowered text). */
const SOLO = ['fontFeatures', 'link', 'linkToPage', 'linkToDestination', '_pageNodeRef', 'sup', 'sub', 'decoration', 'background'];

const alone = (i: Inline) => SOLO.some((k) => i[k] !== undefined && i[k] !== null && i[k] !== false);

/**
 * Joins the words of each laid-out line that sit edge to edge in the same
 * font, size, colour and opacity into one text run. pdfmake draws every word
 * as its own text object (font, colour and opacity set again, position
 * saved and restored: its own "TODO: line.optimizeInlines()"), which was
 * about half of a record PDF's time. pdfkit lays a run out word by word with
 * the same cached widths, so the glyphs land where the words would have;
 * justified lines (spaced words) and anything with links or decorations are left as they are.
 */
export function joinInlines(inlines: Inline[]): Inline[] {
  if (inlines.length < 2) return inlines;
  const out: Inline[] = [];
  for (const inline of inlines) {
    const last = out[out.length - 1];
    if (
      last && !alone(last) && !alone(inline) &&
      last.font === inline.font && last.fontSize === inline.fontSize && last.color === inline.color && last.opacity === inline.opacity &&
      (last.characterSpacing ?? 0) === 0 && (inline.characterSpacing ?? 0) === 0 &&
      Math.abs(last.x + last.width - inline.x) < 1e-6
    ) {
      out[out.length - 1] = { ...last, text: last.text + inline.text, width: last.width + inline.width };
    } else {
      out.push(inline);
    }
  }
  return out;
}

let installed = false;

/** Joins the words of every line pdfmake lays out from now on, before it renders them (once per process). */
export function joinInlinesOnLayout(): void {
  if (installed) return;
  installed = true;
  const LayoutBuilder = require('pdfmake/src/layoutBuilder') as LayoutBuilderClass;
  const layout = LayoutBuilder?.prototype?.layoutDocument;
  if (typeof layout !== 'function') return; // another pdfmake: words are drawn one by one as before
  LayoutBuilder.prototype.layoutDocument = function (this: unknown, ...args: unknown[]) {
    const pages = layout.apply(this, args);
    for (const page of pages) {
      for (const item of page.items) {
        if (item.type === 'line' && item.item.inlines) item.item.inlines = joinInlines(item.item.inlines);
      }
    }
    return pages;
  };
}
