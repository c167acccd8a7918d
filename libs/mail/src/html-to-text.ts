/**
 * The plain-text part of an e-mail, from its HTML (the templates write simple
 * markup: headings, paragraphs, lists, links, line breaks, small tables).
 * Entities are decoded last, so whatever a subject typed comes out as the
 * literal text it was, never as markup.
 */
const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#x27': "'", '#39': "'", '#x3D': '=', '#x60': '`', '#x2F': '/',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, name: string) => {
    if (ENTITIES[name] !== undefined) return ENTITIES[name];
    if (/^#x/i.test(name)) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (/^#\d/.test(name)) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return m;
  });
}

export function htmlToText(html: string): string {
  let s = html
    .replace(/<(head|style|script|title)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\r?\n\s*/g, ' ');
  s = s.replace(/<a\s[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_m, href: string, label: string) => {
    const text = label.replace(/<[^>]+>/g, '').trim();
    const url = decodeEntities(href);
    const shown = decodeEntities(text);
    if (!text || shown === url || `mailto:${shown}` === url) return text || href;
    // Angle brackets as placeholders: the tag stripping below must not eat them.
    return `${text} \u0001${href}\u0002`;
  });
  s = s
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li[^>]*>/gi, '\n- ')
    .replace(/<\/(p|div|h[1-6]|ul|ol|table|blockquote)>/gi, '\n\n')
    .replace(/<(p|div|h[1-6]|ul|ol|table|blockquote)[^>]*>/gi, '\n\n')
    .replace(/<\/tr>/gi, '\n')
    .replace(/<\/t[dh]>/gi, ' ')
    .replace(/<[^>]+>/g, '');
  s = decodeEntities(s).replace(/\u0001/g, '<').replace(/\u0002/g, '>');
  return s
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim() + '\n';
}
