/**
 * The tenant's colours as a stylesheet of CSS variables (served as a file, so
 * pages need no inline styles). Text colours are chosen for contrast: white
 * or near-black on the brand colour, whichever passes WCAG 2.x AA (4.5:1);
 * links use the brand colour only where it reaches 4.5:1 on white.
 */

import { HEX_COLOUR, MIN_CONTRAST, NEAR_BLACK, WHITE, contrastRatio, relativeLuminance, textOn } from '@regula/engine';

const FALLBACK = '#1F4E79';

export { contrastRatio, relativeLuminance, textOn };

export function safeColour(value: unknown): string {
  return typeof value === 'string' && HEX_COLOUR.test(value) ? value.toUpperCase() : FALLBACK;
}

export function brandStylesheet(branding: { primaryColor?: string; accentColor?: string } | undefined): string {
  const brand = safeColour(branding?.primaryColor);
  const accent = safeColour(branding?.accentColor);
  const link = contrastRatio(brand, WHITE) >= MIN_CONTRAST ? brand : NEAR_BLACK;
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
