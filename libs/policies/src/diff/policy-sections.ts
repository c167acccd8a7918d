import { htmlToText } from '../policy-renderer';

/** One section of a rendered notice as readable text blocks. */
export interface PolicySectionText {
  id: string;
  heading: string;
  blocks: string[];
}

/** The id given to what comes before the first `<section>` (the title and the opening paragraph). */
export const INTRO_ID = 'intro';

const SECTION = /<section\b[^>]*\bid="([^"]*)"[^>]*>([\s\S]*?)<\/section>/g;
const HEADING = /<h([12])\b[^>]*>([\s\S]*?)<\/h\1>/;
/**
 * Tags that start or end a block of text. A paragraph, list item, table row or
 * address is one block; the containers around them (lists, tables) only separate.
 */
const BLOCK_TAG = /<\/?(?:p|li|tr|address|ul|ol|table|thead|tbody|tfoot|caption|div|dl|dt|dd|blockquote|h[1-6]|section|article|header|footer)\b[^>]*>/g;
const CELL_END = /<\/t[dh]>/;
// Never a character of a rendered notice: marks the boundaries between blocks.
const BOUNDARY = '\u0000';

/** The rendering's language (`<article lang="...">`), if it states one. */
export function policyLanguage(html: string): string | undefined {
  return /<article\b[^>]*\blang="([^"]*)"/.exec(html)?.[1];
}

/**
 * Splits a notice rendered by `PolicyRenderer` into its sections, in order:
 * first the intro (heading: the `<h1>`), then each `<section id>` with its `<h2>`.
 */
export function policySections(html: string): PolicySectionText[] {
  const clean = html.replace(/\u0000/g, '');
  const firstSection = clean.search(/<section\b/);
  const intro = sectionText(INTRO_ID, firstSection < 0 ? clean : clean.slice(0, firstSection));
  const sections = [...clean.matchAll(SECTION)].map((m) => sectionText(m[1], m[2]));
  return intro.heading || intro.blocks.length > 0 ? [intro, ...sections] : sections;
}

function sectionText(id: string, html: string): PolicySectionText {
  const heading = HEADING.exec(html);
  const body = heading ? html.replace(heading[0], '') : html;
  return { id, heading: heading ? blockText(heading[2]) : '', blocks: textBlocks(body) };
}

/** Readable text blocks of an HTML fragment: one per paragraph, list item, table row or address. */
export function textBlocks(html: string): string[] {
  return html
    .replace(BLOCK_TAG, BOUNDARY)
    .split(BOUNDARY)
    .map(blockText)
    .filter((text) => text !== '');
}

/**
 * Text of one block through `htmlToText` (tags stripped, entities decoded). Line
 * breaks of the HTML source are layout, not text, so only `<br>` breaks a line;
 * a table row's cells are joined by " | " without the trailing one.
 */
function blockText(html: string): string {
  const lines = htmlToText(html.replace(/\s+/g, ' '))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const text = lines.join('\n');
  return CELL_END.test(html) ? text.replace(/\s*\|$/, '') : text;
}
