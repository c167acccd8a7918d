import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { canonicalAddress } from './address-policy';
import { portOf } from './egress-url';

/**
 * A lookup that answers every question with the address the guard checked: the
 * socket connects there whatever DNS says now, while TLS still checks the
 * certificate against the host name.
 */
function pinnedLookup(address: string, family: 4 | 6): LookupFunction {
  return ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as unknown as LookupFunction;
}

/**
 * One POST to a checked target: no connection pool (a pooled socket may lead to
 * an address checked for another URL), no redirects (http.request follows none),
 * a time limit over the whole exchange; the answer's body is not read.
 */
export function pinnedPost(
  target: { url: URL; address: string; family: 4 | 6 },
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<{ status: number } | { failure: string }> {
  const { url } = target;
  return new Promise((resolve) => {
    const client = url.protocol === 'https:' ? https : http;
    const literal = canonicalAddress(url.hostname) !== null;
    const req = client.request(
      {
        method: 'POST',
        protocol: url.protocol,
        // An IP literal connects to the checked form of itself (an IPv4-mapped one to its IPv4 address).
        hostname: literal ? target.address : url.hostname,
        port: portOf(url),
        path: `${url.pathname}${url.search}`,
        headers: { ...headers, Host: url.host, 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' },
        lookup: pinnedLookup(target.address, target.family),
        agent: false,
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        resolve({ status: res.statusCode ?? 0 });
        res.destroy();
      },
    );
    req.on('error', (e: Error & { code?: string }) => resolve({ failure: `${e.code ?? e.name}: ${e.message}`.slice(0, 500) }));
    req.end(body);
  });
}
