import type { Block, PageFrame, TableBlock, TextBlock, TextStyle } from './pdf-blocks';

/** The part of a pdfkit document the layout uses (pdfmake's bundled pdfkit). */
export interface PdfKitDoc {
  font(name: string): PdfKitDoc;
  fontSize(size: number): PdfKitDoc;
  fillColor(color: string): PdfKitDoc;
  strokeColor(color: string): PdfKitDoc;
  lineWidth(w: number): PdfKitDoc;
  rect(x: number, y: number, w: number, h: number): PdfKitDoc;
  circle(x: number, y: number, r: number): PdfKitDoc;
  moveTo(x: number, y: number): PdfKitDoc;
  lineTo(x: number, y: number): PdfKitDoc;
  fill(): PdfKitDoc;
  stroke(): PdfKitDoc;
  addPage(options?: object): PdfKitDoc;
  addContent(operators: string): PdfKitDoc;
  page: { fonts: Record<string, unknown> };
  _font: EmbeddedFont;
}
interface GlyphPosition {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}
interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
/** pdfkit's font of a document: measures, shapes (cached per word), and numbers the glyphs of the document's subset. */
interface EmbeddedFont {
  id: string;
  ascender: number;
  scale: number;
  widths: number[];
  unicode: number[][];
  subset: { includeGlyph(id: number): number };
  widthOfString(text: string, size: number): number;
  lineHeight(size: number): number;
  layoutCached(word: string): { glyphs: Glyph[]; positions: GlyphPosition[] };
  encode(text: string): [string[], GlyphPosition[]];
  ref(): unknown;
}

const num = (n: number) => String(Math.round(n * 1000) / 1000);

/** A word (with its trailing space) in a document's font: its TJ operands, or null when a glyph is moved off its line (marks placed by offsets). */
type EncodedWord = string | null;
/** Per pdfkit font of one document (its glyph numbering is the document's own). */
const encodedWords = new WeakMap<EmbeddedFont, Map<string, EncodedWord>>();

/**
 * What pdfkit's `encode` does for a word (each glyph into the subset, its
 * width and characters recorded for the PDF's font dictionaries), turned
 * into TJ operands with the font's kerning, and kept for the document: the
 * record repeats the same words thousands of times.
 */
function encodeWord(font: EmbeddedFont, word: string): EncodedWord {
  let words = encodedWords.get(font);
  if (!words) encodedWords.set(font, (words = new Map()));
  let tj = words.get(word);
  if (tj !== undefined) return tj;
  const { glyphs, positions } = font.layoutCached(word);
  const segments: string[] = [];
  let hex = '';
  let moved = false;
  glyphs.forEach((glyph, i) => {
    const gid = font.subset.includeGlyph(glyph.id);
    hex += `0000${gid.toString(16)}`.slice(-4);
    if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth * font.scale;
    if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
    const p = positions[i];
    if (p.xOffset || p.yOffset) moved = true;
    const kern = p.xAdvance - p.advanceWidth;
    if (kern !== 0 || i === glyphs.length - 1) {
      segments.push(`<${hex}> ${num(-kern)}`);
      hex = '';
    }
  });
  tj = moved ? null : segments.join(' ');
  words.set(word, tj);
  return tj;
}

/** The line cut where pdfkit cuts it for its word cache: after each space or tab. */
function wordsOf(text: string): string[] {
  const words: string[] = [];
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ' ' || text[i] === '\t') {
      words.push(text.slice(last, i + 1));
      last = i + 1;
    }
  }
  if (last < text.length) words.push(text.slice(last));
  return words;
}

/**
 * One line of text as one text object: what pdfkit's `text()` writes (the
 * glyphs of its subset, a TJ array with the font's kerning) without its
 * per-call save, transforms and restore, which were most of its cost. The
 * page's coordinates run downwards (pdfkit flips them), so the text matrix
 * flips the glyphs back upright. A line with marks placed by offsets goes
 * glyph by glyph as pdfkit does it.
 */
function drawLine(doc: PdfKitDoc, font: EmbeddedFont, size: number, x: number, top: number, text: string): void {
  if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
  const y = top + (font.ascender / 1000) * size;
  const head = `BT /${font.id} ${num(size)} Tf 1 0 0 -1 ${num(x)} ${num(y)} Tm`;
  const words = wordsOf(text).map((w) => encodeWord(font, w));
  if (!words.includes(null)) {
    doc.addContent(`${head} [${words.join(' ')}] TJ ET`);
    return;
  }
  const [encoded, positions] = font.encode(text);
  const scale = size / 1000;
  const ops: string[] = [head];
  const segments: string[] = [];
  let last = 0;
  let cx = x;
  let hadOffset = false;
  const addSegment = (cur: number) => {
    if (last < cur) segments.push(`<${encoded.slice(last, cur).join('')}> ${num(-(positions[cur - 1].xAdvance - positions[cur - 1].advanceWidth))}`);
    last = cur;
  };
  const flush = (i: number) => {
    addSegment(i);
    if (segments.length) ops.push(`[${segments.join(' ')}] TJ`);
    segments.length = 0;
  };
  for (let i = 0; i < positions.length; i++) {
    const pos = positions[i];
    if (pos.xOffset || pos.yOffset) {
      flush(i);
      ops.push(`1 0 0 -1 ${num(cx + pos.xOffset * scale)} ${num(y - pos.yOffset * scale)} Tm`);
      flush(i + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        ops.push(`1 0 0 -1 ${num(cx)} ${num(y)} Tm`);
        hadOffset = false;
      }
      if (pos.xAdvance - pos.advanceWidth !== 0) addSegment(i + 1);
    }
    cx += pos.xAdvance * scale;
  }
  flush(positions.length);
  ops.push('ET');
  doc.addContent(ops.join(' '));
}

/** The registered names of the four Roboto faces (pdf-document.ts). */
export type Face = 'normal' | 'bold' | 'italics' | 'bolditalics';
const faceOf = (s: { bold?: boolean; italics?: boolean }): Face => (s.bold ? (s.italics ? 'bolditalics' : 'bold') : s.italics ? 'italics' : 'normal');

/** Page geometry: A4 in points, the margins pdfmake's documents had (left/right 40, top 50, bottom 45). */
const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { left: 40, right: 40, top: 50, bottom: 45 };
const LINE_HEIGHT = 1.15;
const FRAME_SIZE = 8;
const CELL_PADDING = { x: 8, y: 2 };
const RULE_COLOR = '#aaaaaa';
const HEADER_FILL = '#1f3a5f';
const BULLET_INDENT = 12;

export const pageSize = (orientation: PageFrame['orientation']): [number, number] => (orientation === 'landscape' ? [A4.height, A4.width] : [A4.width, A4.height]);

/**
 * Word widths and line wrapping on the document's fonts. A word's width is
 * measured once per face (at 1 pt) and reused: the same words come back in
 * every register.
 */
class Measure {
  private readonly widths = new Map<Face, Map<string, number>>();
  private readonly lineHeights = new Map<Face, number>();

  constructor(private readonly doc: PdfKitDoc) {}

  width(face: Face, size: number, word: string): number {
    let cache = this.widths.get(face);
    if (!cache) this.widths.set(face, (cache = new Map()));
    let w = cache.get(word);
    if (w === undefined) {
      w = this.doc.font(face)._font.widthOfString(word, 1);
      if (cache.size > 50_000) cache.clear(); // bounded: a document of unique words does not grow it without end
      cache.set(word, w);
    }
    return w * size;
  }

  lineHeight(face: Face, size: number): number {
    let h = this.lineHeights.get(face);
    if (h === undefined) this.lineHeights.set(face, (h = this.doc.font(face)._font.lineHeight(1)));
    return h * size * LINE_HEIGHT;
  }

  /** The text's lines within `width`: its own line breaks kept, words wrapped at spaces, a word wider than a line cut where it must. */
  wrap(text: string, face: Face, size: number, width: number): string[] {
    const lines: string[] = [];
    const space = this.width(face, size, ' ');
    for (const paragraph of text.split('\n')) {
      let line = '';
      let lineWidth = 0;
      for (const word of paragraph.split(' ')) {
        let w = this.width(face, size, word);
        if (line && lineWidth + space + w <= width) {
          line += ` ${word}`;
          lineWidth += space + w;
          continue;
        }
        if (line || lineWidth) lines.push(line);
        let rest = word;
        while (w > width && rest.length > 1) {
          // cut at the longest prefix that fits (at least one character)
          let n = Math.max(1, Math.floor((rest.length * width) / w));
          while (n > 1 && this.width(face, size, rest.slice(0, n)) > width) n--;
          lines.push(rest.slice(0, n));
          rest = rest.slice(n);
          w = this.width(face, size, rest);
        }
        line = rest;
        lineWidth = w;
      }
      lines.push(line);
    }
    return lines;
  }
}

/**
 * Lays blocks out on pages and, when `draw` is set, draws them as it goes:
 * each page is finished (and pdfkit writes it out) before the next starts, so
 * what is kept is one page, never the document. A first pass with `draw`
 * off only counts the pages ("page x of y" needs y on the first page).
 */
export class PageFlow {
  private readonly measure: Measure;
  private readonly width: number;
  private readonly height: number;
  private readonly bottom: number;
  page = 0;
  private y = MARGIN.top;

  constructor(
    private readonly doc: PdfKitDoc,
    private readonly frame: PageFrame,
    private readonly draw: false | { total: number },
  ) {
    this.measure = new Measure(doc);
    [this.width, this.height] = pageSize(frame.orientation);
    this.bottom = this.height - MARGIN.bottom;
  }

  private get contentWidth(): number {
    return this.width - MARGIN.left - MARGIN.right;
  }

  /** Starts a page: its header (title, subtitle) and footer (title, "page x of y") drawn first. */
  newPage(): void {
    this.page++;
    this.y = MARGIN.top;
    if (!this.draw) return;
    this.doc.addPage({ size: [this.width, this.height], margin: 0 });
    this.color = undefined;
    // the title beside the right-hand text, wrapped to what that leaves (two lines fit above and below the content)
    const framed = (title: Face, right: string, y: number) => {
      const rightWidth = this.measure.width('normal', FRAME_SIZE, right);
      const lh = this.measure.lineHeight(title, FRAME_SIZE);
      const lines = this.measure.wrap(this.frame.title, title, FRAME_SIZE, Math.max(this.contentWidth / 3, this.contentWidth - rightWidth - 12));
      lines.slice(0, 2).forEach((line, i) => this.text(line, title, FRAME_SIZE, MARGIN.left, y + i * lh));
      this.text(right, 'normal', FRAME_SIZE, this.width - MARGIN.right - rightWidth, y);
    };
    framed('bold', this.frame.subtitle, 20);
    framed('normal', this.frame.pageOf.replace('{x}', String(this.page)).replace('{y}', String(this.draw.total)), this.height - MARGIN.bottom + 10);
  }

  add(block: Block): void {
    if (this.page === 0) this.newPage();
    else if (block.pageBreak) this.newPage();
    if (block.kind === 'text') this.paragraph(block);
    else if (block.kind === 'table') this.table(block);
    else throw new Error(`unknown PDF block ${JSON.stringify((block as { kind?: unknown }).kind)}`);
  }

  /** The fill colour set on this page's content (set again only when it changes). */
  private color: string | undefined;

  private fill(color: string): void {
    if (color !== this.color) this.doc.fillColor((this.color = color));
  }

  private text(text: string, face: Face, size: number, x: number, y: number, color = '#000000'): void {
    if (!text || !this.draw) return;
    this.fill(color);
    drawLine(this.doc, this.doc.font(face)._font, size, x, y, text);
  }

  /** Room for `h` more points on this page, or a new page. */
  private room(h: number): void {
    if (this.y + h > this.bottom && this.y > MARGIN.top) this.newPage();
  }

  private paragraph(b: TextBlock): void {
    const face = faceOf(b.style);
    const lh = this.measure.lineHeight(face, b.style.fontSize);
    const x = MARGIN.left + (b.indent ?? 0) + (b.bullet ? BULLET_INDENT : 0);
    const lines = this.measure.wrap(b.text, face, b.style.fontSize, MARGIN.left + this.contentWidth - x);
    if (this.y > MARGIN.top) this.y += b.spaceBefore ?? 0;
    // a heading keeps its first line and two of what follows on its page
    this.room(b.keepWithNext ? lh * 3 : lh);
    lines.forEach((line, i) => {
      this.room(lh);
      if (i === 0 && b.bullet && this.draw) {
        this.fill(b.style.color ?? '#000000');
        this.doc.circle(x - BULLET_INDENT / 2 - 1, this.y + lh / 2, b.style.fontSize / 7).fill();
      }
      this.text(line, face, b.style.fontSize, x, this.y, b.style.color);
      this.y += lh;
    });
    this.y += b.spaceAfter ?? 0;
  }

  private table(t: TableBlock): void {
    const n = t.widths.length;
    const padding = (i: number) => (i === 0 ? 0 : CELL_PADDING.x) + (i === n - 1 ? 0 : CELL_PADDING.x);
    const fixed = t.widths.reduce<number>((sum, w, i) => sum + (w === '*' ? 0 : w) + padding(i), 0);
    const star = t.widths.filter((w) => w === '*').length;
    const widths = t.widths.map((w) => (w === '*' ? Math.max(10, (this.contentWidth - fixed) / star) : w));
    const xs: number[] = [];
    let x = MARGIN.left;
    for (let i = 0; i < n; i++) {
      x += i === 0 ? 0 : CELL_PADDING.x;
      xs.push(x);
      x += widths[i] + (i === n - 1 ? 0 : CELL_PADDING.x);
    }
    const right = MARGIN.left + this.contentWidth;
    const faces = (header: boolean) => Array.from({ length: n }, (_, i): Face => (header || (t.boldFirstColumn && i === 0) ? 'bold' : 'normal'));
    const lh = this.measure.lineHeight('normal', t.fontSize);
    const headerLines = t.header ? t.header.map((h, i) => this.measure.wrap(h, 'bold', t.fontSize, widths[i])) : undefined;
    const headerHeight = headerLines ? Math.max(...headerLines.map((l) => l.length)) * lh + 2 * CELL_PADDING.y : 0;
    const rule = (y: number, width: number, color: string) => {
      if (this.draw) this.doc.lineWidth(width).strokeColor(color).moveTo(MARGIN.left, y).lineTo(right, y).stroke();
    };
    const drawHeader = () => {
      if (!headerLines) return;
      if (this.draw) {
        this.fill(HEADER_FILL);
        this.doc.rect(MARGIN.left, this.y, this.contentWidth, headerHeight).fill();
      }
      const f = faces(true);
      headerLines.forEach((lines, i) => lines.forEach((line, k) => this.text(line, f[i], t.fontSize, xs[i], this.y + CELL_PADDING.y + k * lh, '#ffffff')));
      this.y += headerHeight;
      rule(this.y, 2, '#000000');
    };
    // the header and the first line of the first row stay together
    this.room(headerHeight + lh + 2 * CELL_PADDING.y);
    drawHeader();
    const bodyFaces = faces(false);
    t.rows.forEach((row, r) => {
      const cells = row.map((c, i) => this.measure.wrap(c ?? '', bodyFaces[i], t.fontSize, widths[i]));
      const height = Math.max(...cells.map((l) => l.length));
      if (this.y + lh + 2 * CELL_PADDING.y > this.bottom) {
        this.newPage();
        drawHeader();
      }
      this.y += CELL_PADDING.y;
      for (let k = 0; k < height; k++) {
        if (this.y + lh > this.bottom) {
          // the row goes on on the next page, under the header again
          this.newPage();
          drawHeader();
        }
        cells.forEach((lines, i) => lines[k] !== undefined && this.text(lines[k], bodyFaces[i], t.fontSize, xs[i], this.y));
        this.y += lh;
      }
      this.y += CELL_PADDING.y;
      if (r < t.rows.length - 1) rule(this.y, 1, RULE_COLOR);
    });
    this.y += t.spaceAfter ?? 0;
  }
}

/** A4 text styles shared by the record and the descriptions (what pdfmake's styles h1, h2, small were). */
export const STYLES = {
  body: { fontSize: 9 },
  h1: { fontSize: 15, bold: true },
  h2: { fontSize: 12, bold: true },
  small: { fontSize: 8, color: '#444444' },
} satisfies Record<string, TextStyle>;
