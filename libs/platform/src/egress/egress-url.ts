/**
 * Strict parsing of a URL Regula will send requests to. The WHATWG parser is
 * lenient (it trims spaces, drops CR/LF and tabs, reads `\` as `/`, accepts
 * `https:host`): what it forgives, another parser on the way may read
 * differently, so such a URL is refused instead of repaired.
 */
export const EGRESS_URL_MAX_LENGTH = 2000;

export type ParsedEgressUrl = { url: URL; problem?: undefined } | { url?: undefined; problem: string };

export function parseEgressUrl(raw: string, opts: { allowHttp: boolean }): ParsedEgressUrl {
  const problem = (p: string): ParsedEgressUrl => ({ problem: p });
  if (raw.length > EGRESS_URL_MAX_LENGTH) return problem(`is too long (at most ${EGRESS_URL_MAX_LENGTH} characters)`);
  if (raw !== raw.trim()) return problem('must not have spaces or line breaks before or after it');
  // C0 and C1 controls (CR, LF, tab, NUL...) and any white space inside.
  if (/[\u0000-\u001f\u007f-\u009f]/.test(raw)) return problem('must not contain control characters (CR, LF, tab...)');
  if (/\s/.test(raw)) return problem('must not contain spaces (encode them as %20)');
  if (raw.includes('\\')) return problem('must not contain backslashes');
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/?#]/i.test(raw)) return problem('is malformed: it must start with https:// and a host');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return problem('is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return problem('must be an http(s) URL');
  if (!opts.allowHttp && url.protocol !== 'https:') return problem('must be an https URL in production');
  if (url.username || url.password) return problem('must not contain credentials (the signature authenticates Regula)');
  if (!url.hostname) return problem('is malformed: it has no host');
  return { url };
}

/** The port a URL connects to. */
export const portOf = (url: URL): number => (url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80);
