/**
 * What a PDF export is made of: plain data (structured-clonable, so it can be
 * sent to a PDF worker thread), built by the record and description builders
 * and laid out page by page by pdf-layout.ts.
 */

export interface PageFrame {
  /** Shown at the top of every page (the controller's name). */
  title: string;
  /** Shown beside it (the as-of date). */
  subtitle: string;
  /** "page {x} of {y}" with the placeholders, in the document's language. */
  pageOf: string;
  orientation: 'portrait' | 'landscape';
  lang: string;
  /** Document title in the PDF's metadata. */
  documentTitle: string;
}

export interface TextStyle {
  fontSize: number;
  bold?: boolean;
  italics?: boolean;
  /** `#rrggbb`; black by default. */
  color?: string;
}

/** A paragraph: wrapped to the content width (less `indent`), `bullet` draws a list dot before its first line. */
export interface TextBlock {
  kind: 'text';
  text: string;
  style: TextStyle;
  /** Starts on a new page. */
  pageBreak?: boolean;
  spaceBefore?: number;
  spaceAfter?: number;
  indent?: number;
  bullet?: boolean;
  /** A heading: moved to the next page rather than left alone at the bottom of one. */
  keepWithNext?: boolean;
}

/**
 * A table of text cells with light horizontal rules: columns of fixed widths
 * (points) and at most one `'*'` taking the rest. `header` is repeated at the
 * top of every page the table runs over; a row taller than what is left of a
 * page continues on the next one. `boldFirstColumn` for label/value tables.
 */
export interface TableBlock {
  kind: 'table';
  widths: (number | '*')[];
  header?: string[];
  rows: string[][];
  fontSize: number;
  boldFirstColumn?: boolean;
  pageBreak?: boolean;
  spaceAfter?: number;
}

export type Block = TextBlock | TableBlock;
