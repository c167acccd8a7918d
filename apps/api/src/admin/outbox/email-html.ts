import sanitizeHtml from 'sanitize-html';

/**
 * An e-mail's HTML made safe to show inside a dashboard page (no iframe):
 * text-level and block tags only, links limited to http(s) and mailto and
 * opened without a referrer; no scripts, styles, images, forms or event
 * attributes. The page's CSP forbids inline styles anyway.
 */
export function sanitisedEmailHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 'a', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'blockquote', 'code', 'pre', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'div', 'small', 'dl', 'dt', 'dd'],
    allowedAttributes: { a: ['href', 'rel'], th: ['scope'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript', 'title', 'head'],
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noreferrer noopener' }) },
  }).trim();
}
