import { FileTypeParser } from 'file-type';
import sanitizeHtml from 'sanitize-html';
import { InvalidInputError, TooLargeError } from '@regula/platform';

/** Largest logo accepted (the `tenants_logo` check holds the same). */
export const MAX_LOGO_BYTES = 256 * 1024;

/** Raster types a logo may be, judged by their magic bytes. */
const RASTER = new Set(['image/png', 'image/jpeg', 'image/webp']);

const XML_TYPES = new Set(['application/xml', 'image/svg+xml', 'text/xml']);
const PARSER = { xmlMode: true, lowerCaseTags: false, lowerCaseAttributeNames: false };

/** What an SVG logo may keep: shapes, text and gradients; no script, no event handler, no link, no style, no foreign content. */
const SVG_TAGS = ['svg', 'g', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan', 'defs', 'linearGradient', 'radialGradient', 'stop', 'title', 'desc', 'clipPath'];
const SVG_ATTRIBUTES = [
  'xmlns', 'viewBox', 'width', 'height', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'd', 'points', 'transform', 'id', 'clip-path',
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-linecap', 'stroke-linejoin', 'opacity', 'offset', 'stop-color', 'stop-opacity',
  'gradientUnits', 'gradientTransform', 'font-family', 'font-size', 'font-weight', 'text-anchor', 'preserveAspectRatio', 'role', 'aria-label',
];

export interface CheckedLogo {
  type: 'image/png' | 'image/jpeg' | 'image/webp' | 'image/svg+xml';
  bytes: Buffer;
  /** For an SVG: whether sanitising removed something (a script, a handler, a link). */
  sanitised: boolean;
}

function looksLikeSvg(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 1024).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  return /^(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head);
}

/**
 * A logo checked by its content and size (issue 17 §1): PNG, JPEG or WebP by
 * their magic bytes, or an SVG with everything but shapes and text removed
 * (a script, an event handler, a link or a style is dropped, never run); any
 * other content is refused (400 naming `logo`), as is one over 256 KiB (413).
 */
export async function checkLogo(bytes: Buffer | undefined): Promise<CheckedLogo> {
  if (!bytes || !bytes.length) throw new InvalidInputError(['logo: no file was sent']);
  if (bytes.length > MAX_LOGO_BYTES) throw new TooLargeError(`logo: at most ${MAX_LOGO_BYTES / 1024} KiB`);
  const found = await new FileTypeParser().fromBuffer(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (found && RASTER.has(found.mime)) return { type: found.mime as CheckedLogo['type'], bytes, sanitised: false };
  // An SVG with an XML declaration reads as XML to file-type; whatever it is, its text must open with <svg.
  if ((found && !XML_TYPES.has(found.mime)) || !looksLikeSvg(bytes)) throw new InvalidInputError([`logo: must be a PNG, JPEG, WebP or SVG image${found ? ` (this is ${found.mime})` : ''}`]);
  const source = bytes.toString('utf8');
  const clean = sanitizeHtml(source, {
    allowedTags: SVG_TAGS,
    allowedAttributes: { '*': SVG_ATTRIBUTES },
    allowedSchemes: [],
    allowProtocolRelative: false,
    parser: PARSER,
    disallowedTagsMode: 'discard',
  }).trim();
  // The same parse keeping everything: what differs was removed.
  const whole = sanitizeHtml(source, { allowedTags: false, allowedAttributes: false, allowVulnerableTags: true, parser: PARSER }).trim();
  if (!/^<svg[\s>]/.test(clean)) throw new InvalidInputError(['logo: the SVG holds no image once scripts and links are removed']);
  const sanitised = clean !== whole;
  return { type: 'image/svg+xml', bytes: Buffer.from(clean, 'utf8'), sanitised };
}
