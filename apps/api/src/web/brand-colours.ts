/**
 * The tenant's colours as a stylesheet of CSS variables (served as a file, so
 * pages need no inline styles). Text colours are chosen for contrast: white
 * or near-black on the brand colour, whichever passes WCAG 2.x AA (4.5:1);
 * links use the brand colour only where it reaches 4.5:1 on white.
 */

const HEX = /^#([0-9a-f]{6})$/i;
const FALLBACK = '#1F4E79';
const DARK = '#111111';
const WHITE = '#FFFFFF';

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

export function safeColour(value: unknown): string {
  return typeof value === 'string' && HEX.test(value) ? value.toUpperCase() : FALLBACK;
}

/** The text colour (white or near-black) with the better contrast on `bg`. */
export function textOn(bg: string): string {
  return contrastRatio(bg, WHITE) >= contrastRatio(bg, DARK) ? WHITE : DARK;
}

export function brandStylesheet(branding: { primaryColor?: string; accentColor?: string } | undefined): string {
  const brand = safeColour(branding?.primaryColor);
  const accent = safeColour(branding?.accentColor);
  const link = contrastRatio(brand, WHITE) >= 4.5 ? brand : DARK;
  return [
    '/* Tenant colours (generated from the controller definition). */',
    ':root {',
    `  --brand: ${brand};`,
    `  --brand-text: ${textOn(brand)};`,
    `  --accent: ${accent};`,
    `  --accent-text: ${textOn(accent)};`,
    `  --link: ${link};`,
    '}',
    '',
  ].join('\n');
}
