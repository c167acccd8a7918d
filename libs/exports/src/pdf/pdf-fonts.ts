import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { PassThrough } from 'node:stream';
import vfs from 'pdfmake/build/vfs_fonts';

/** What pdfkit reads of a shaped word: its glyphs, their positions (scaled to 1000 units) and its width. */
interface Run {
  glyphs: unknown[];
  positions: { xAdvance: number }[];
  readonly advanceWidth: number;
}
interface EmbeddedFont {
  font: object;
  layoutRun(text: string): Run;
  layoutCached(text: string): Run;
}
interface PdfKitDocument {
  font(src: Buffer): PdfKitDocument;
  _font?: EmbeddedFont;
}
interface Fontkit {
  create(buffer: Buffer, postscriptName?: string): object;
}
interface FontSubset {
  font: object;
  /** Glyph ids in the order the document used them: they decide the subset's bytes. */
  glyphs: number[];
  encodeStream(): NodeJS.ReadableStream;
}

/** Words shaped per font before its cache starts over (a bound on memory: a word's run is a few hundred bytes). */
const MAX_CACHED_WORDS = 100_000;
/** Encoded font subsets kept (each 10-40 kB). */
const MAX_CACHED_SUBSETS = 256;

/**
 * pdfkit parses every font anew for each document (fontkit.create on the
 * buffer) and shapes every word anew per document (its layout cache lives in
 * the document's font): for 2,000 small description PDFs that was most of
 * their time. Here our fonts are parsed once per process, and each keeps one
 * cache of shaped words across documents. Sharing is safe: pdfkit uses a
 * parsed font only synchronously (shaping, glyph metrics, and the subset of
 * each document, encoded in one go) and never changes a cached word (it
 * copies a position before adding word spacing). Other fonts are left alone.
 */
function shareParsedFonts(buffers: Buffer[]): void {
  const pdfkitPath = require.resolve('@foliojs-fork/pdfkit', { paths: [dirname(require.resolve('pdfmake'))] });
  const pdfkitRequire = createRequire(pdfkitPath);
  const fontkit = pdfkitRequire('@foliojs-fork/fontkit') as Fontkit;
  if (typeof fontkit?.create !== 'function') return; // another pdfkit: it parses the fonts itself
  const create = fontkit.create.bind(fontkit);
  const parsed = new Map<Buffer, object>(buffers.map((b) => [b, keepCodePoints(create(b))]));
  fontkit.create = (buffer: Buffer, postscriptName?: string) => (postscriptName === undefined && parsed.get(buffer)) || create(buffer, postscriptName);

  const words = new Map<object, Map<string, Run>>([...parsed.values()].map((f) => [f, new Map()]));
  cacheSubsets([...parsed.values()]);
  const PDFDocument = pdfkitRequire(pdfkitPath) as new (options: object) => PdfKitDocument;
  const probe = new PDFDocument({ autoFirstPage: false }).font(buffers[0])._font;
  const proto = probe && (Object.getPrototypeOf(probe) as EmbeddedFont);
  if (!proto || typeof proto.layoutCached !== 'function' || typeof proto.layoutRun !== 'function') return; // another pdfkit: fonts are still parsed once
  const perDocument = proto.layoutCached;
  proto.layoutCached = function (this: EmbeddedFont, text: string): Run {
    const cache = words.get(this.font);
    if (!cache) return perDocument.call(this, text);
    let run = cache.get(text);
    if (!run) {
      const shaped = this.layoutRun(text);
      let advanceWidth = 0;
      for (const p of shaped.positions) advanceWidth += p.xAdvance;
      run = { glyphs: shaped.glyphs, positions: shaped.positions, advanceWidth };
      if (cache.size >= MAX_CACHED_WORDS) cache.clear();
      cache.set(text, run);
    }
    return run;
  };
}

/**
 * fontkit keeps one glyph object per glyph id with the characters it was first
 * asked for, and pdfkit writes those into the PDF's text layer (ToUnicode).
 * A parsed font shared across documents has often been asked for a glyph
 * without characters first: the subset of an earlier document fetches the
 * components of composite glyphs ("z" inside "ž") by id alone. Every later
 * document then wrote "z" as nothing: its text could not be copied or
 * searched ("atzīmēto" read "at īmēto"). A glyph fetched with its characters
 * gets them when it has none.
 */
function keepCodePoints<F extends object>(font: F): F {
  type Glyph = { codePoints?: number[] };
  const f = font as F & { getGlyph?: (id: number, characters?: number[]) => Glyph | null };
  if (typeof f.getGlyph !== 'function') return font;
  const getGlyph = f.getGlyph.bind(f);
  f.getGlyph = (id: number, characters: number[] = []) => {
    const glyph = getGlyph(id, characters);
    if (glyph && characters.length && !glyph.codePoints?.length) glyph.codePoints = characters;
    return glyph;
  };
  return font;
}

/**
 * The font program embedded in a PDF is the subset of the glyphs it uses, in
 * the order it first used them; encoding it took a fifth of a description
 * PDF's time. The same glyphs in the same order give the same bytes, so the
 * last subsets encoded are kept and handed out again (a register's
 * description exported again, or the same template in another register).
 */
function cacheSubsets(fonts: object[]): void {
  const probe = (fonts[0] as { createSubset?: () => FontSubset }).createSubset?.();
  const proto = probe && (Object.getPrototypeOf(probe) as FontSubset);
  if (!proto || typeof proto.encodeStream !== 'function' || !Array.isArray(probe.glyphs)) return;
  const ids = new Map(fonts.map((f, i) => [f, i]));
  const encoded = new Map<string, Buffer>();
  const encode = proto.encodeStream;
  proto.encodeStream = function (this: FontSubset): NodeJS.ReadableStream {
    const id = ids.get(this.font);
    if (id === undefined) return encode.call(this);
    const key = `${id}:${this.glyphs.join(',')}`;
    const hit = encoded.get(key);
    if (hit) {
      encoded.delete(key);
      encoded.set(key, hit); // most recently used last
      return new PassThrough().end(hit) as unknown as NodeJS.ReadableStream;
    }
    const stream = encode.call(this);
    const chunks: Buffer[] = [];
    stream.on('data', (c: Uint8Array) => chunks.push(Buffer.from(c)));
    stream.on('end', () => {
      encoded.set(key, Buffer.concat(chunks));
      if (encoded.size > MAX_CACHED_SUBSETS) encoded.delete(encoded.keys().next().value!);
    });
    return stream;
  };
}

export interface RobotoFonts {
  normal: Buffer;
  bold: Buffer;
  italics: Buffer;
  bolditalics: Buffer;
}

let fonts: RobotoFonts | undefined;

/**
 * Roboto from pdfmake's bundled fonts (it has the Baltic and Nordic letters:
 * ā ē ī ū ķ ļ ņ č š ž ė į ų õ ä ö ü å), decoded and parsed once per process.
 */
export function robotoFonts(): RobotoFonts {
  if (!fonts) {
    const font = (name: string) => Buffer.from(vfs[name], 'base64');
    fonts = { normal: font('Roboto-Regular.ttf'), bold: font('Roboto-Medium.ttf'), italics: font('Roboto-Italic.ttf'), bolditalics: font('Roboto-MediumItalic.ttf') };
    shareParsedFonts(Object.values(fonts));
  }
  return fonts;
}
