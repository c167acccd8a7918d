/**
 * Colour contrast as WCAG 2.x defines it: what the public pages pick their text
 * colours by (apps/api/src/web/brand-colours.ts) and what a new controller's
 * colours are checked against (4.5:1, AA for normal text).
 */

export const HEX_COLOUR = /^#([0-9a-f]{6})$/i;
/** WCAG 2.x AA for normal text. */
export const MIN_CONTRAST = 4.5;
export const WHITE = '#FFFFFF';
export const NEAR_BLACK = '#111111';

function channel(v: number): number {
  const c = v / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The text colour (white or near-black) with the better contrast on `bg`. */
export function textOn(bg: string): string {
  return contrastRatio(bg, WHITE) >= contrastRatio(bg, NEAR_BLACK) ? WHITE : NEAR_BLACK;
}

/** Whether text of the colour `textOn` picks is readable on `bg` (at least 4.5:1). */
export function readableBackground(bg: string): boolean {
  return contrastRatio(bg, textOn(bg)) >= MIN_CONTRAST;
}
