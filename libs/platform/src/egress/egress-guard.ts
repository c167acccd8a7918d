import { lookup as dnsLookup } from 'node:dns/promises';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config';
import { ADDRESS_CLASS_TEXT, addressClass, canonicalAddress } from './address-policy';
import { parseEgressUrl, portOf } from './egress-url';
import { pinnedPost } from './pinned-post';

/** Resolves a host name to every address it has (as `dns.lookup` with `all`). */
export type EgressResolver = (host: string) => Promise<{ address: string; family: number }[]>;

/** Injection token of the resolver (tests replace it); default: the system resolver. */
export const EGRESS_RESOLVER = Symbol('EGRESS_RESOLVER');

/** The variables the guard reads (the API's, the worker's and the CLI's configs all fit). */
export interface EgressConfig {
  NODE_ENV?: string;
  DATABASE_URL?: string;
  DATABASE_APP_URL?: string;
  REDIS_URL?: string;
  SMTP_URL?: string;
  REGULA_TEST_ALLOW_LOOPBACK_WEBHOOKS?: string;
}

/** A URL that passed, with the one address a request to it must connect to. */
export interface EgressTarget {
  ok: true;
  url: URL;
  address: string;
  family: 4 | 6;
}

export type EgressCheck = EgressTarget | { ok: false; problem: string };

/**
 * What a caller may show: `error` is one of a few generic texts, so the answer of
 * a refused port, a reset socket or a timeout cannot be told apart (that would
 * turn a list of deliveries into a port scanner); `detail` is for the server log.
 */
export type EgressOutcome = { ok: true; status: number } | { ok: false; error: string; detail: string };

export const EGRESS_FAILED = 'delivery failed';

/** The default ports of our own services, refused even when the configuration names others. */
const DEFAULT_OWN_PORTS = [5432, 6379];
const DEFAULT_PORTS: Record<string, number> = { 'postgres:': 5432, 'postgresql:': 5432, 'redis:': 6379, 'rediss:': 6379, 'smtp:': 587, 'smtps:': 465 };

const systemResolver: EgressResolver = (host) => dnsLookup(host, { all: true, verbatim: true });

/**
 * The one way out to addresses a tenant chose (webhook URLs). `check` parses the
 * URL strictly, resolves its host and refuses it when any address is not a public
 * internet address or its port is one of our own services' (Redis, PostgreSQL,
 * SMTP); it runs when a URL is saved. `post` checks again (a name can resolve
 * elsewhere by now), connects to the address it checked (a pinned lookup, so a
 * second DNS answer cannot switch it: DNS rebinding) and follows no redirect.
 */
@Injectable()
export class EgressGuard {
  private readonly allowHttp: boolean;
  private readonly allowLoopback: boolean;
  private readonly ownPorts: Set<number>;
  private readonly resolver: EgressResolver;

  constructor(@Optional() @Inject(APP_CONFIG) config?: EgressConfig, @Optional() @Inject(EGRESS_RESOLVER) resolver?: EgressResolver) {
    const production = config?.NODE_ENV === 'production';
    this.allowHttp = !production;
    // Only tests set it, and the config refuses it in production; checked here again so no path around the config lets it through.
    this.allowLoopback = !production && config?.REGULA_TEST_ALLOW_LOOPBACK_WEBHOOKS === '1';
    this.ownPorts = new Set(DEFAULT_OWN_PORTS);
    for (const u of [config?.DATABASE_URL, config?.DATABASE_APP_URL, config?.REDIS_URL, config?.SMTP_URL]) {
      const port = u ? serviceUrlPort(u) : null;
      if (port) this.ownPorts.add(port);
    }
    this.resolver = resolver ?? systemResolver;
  }

  /** Refusal reasons read after the name of the field: "webhookUrl must not…". */
  async check(raw: string): Promise<EgressCheck> {
    const parsed = parseEgressUrl(raw, { allowHttp: this.allowHttp });
    if (!parsed.url) return { ok: false, problem: parsed.problem };
    const url = parsed.url;
    const port = portOf(url);
    if (this.ownPorts.has(port)) return { ok: false, problem: `must not use port ${port}: it is the port of one of Regula's own services` };

    const literal = canonicalAddress(url.hostname);
    let addresses: { address: string; family: number }[];
    if (literal) addresses = [literal];
    else {
      try {
        addresses = await this.resolve(url.hostname);
      } catch {
        return { ok: false, problem: `host ${url.hostname} does not resolve` };
      }
      if (!addresses.length) return { ok: false, problem: `host ${url.hostname} does not resolve` };
    }
    // Every address must pass: a name with one public and one loopback address would otherwise get through half the time.
    for (const a of addresses) {
      const cls = addressClass(a.address);
      if (!cls || (cls === 'loopback' && this.allowLoopback)) continue;
      const via = literal ? '' : ` (host ${url.hostname} resolves to one)`;
      return { ok: false, problem: `must not point to ${ADDRESS_CLASS_TEXT[cls]}${via}: webhooks go to public internet addresses only` };
    }
    const pinned = canonicalAddress(addresses[0].address)!;
    return { ok: true, url, address: pinned.address, family: pinned.family };
  }

  /** Every address of `host` (the injected resolver's, or the system's). */
  resolve(host: string): Promise<{ address: string; family: number }[]> {
    return this.resolver(host);
  }

  /** Checks `raw` and POSTs `body` to the address it checked; never throws. */
  async post(raw: string, body: string, headers: Record<string, string>, opts: { timeoutMs: number }): Promise<EgressOutcome> {
    const target = await this.check(raw);
    if (!target.ok) return { ok: false, error: EGRESS_FAILED, detail: `refused before connecting: the URL ${target.problem}` };
    const sent = await pinnedPost(target, body, headers, opts.timeoutMs);
    if ('failure' in sent) return { ok: false, error: EGRESS_FAILED, detail: `${target.address}: ${sent.failure}` };
    const { status } = sent;
    if (status >= 200 && status < 300) return { ok: true, status };
    return { ok: false, error: httpStatusError(status), detail: `${target.address}: HTTP ${status}` };
  }
}

/** The class of a status that is not 2xx, never the code itself (401 and 404 would tell services apart). */
export function httpStatusError(status: number): string {
  if (status >= 300 && status < 400) return 'HTTP 3xx: redirects are not followed';
  if (status >= 400 && status < 600) return `HTTP ${Math.floor(status / 100)}xx`;
  return EGRESS_FAILED;
}

/**
 * An error text safe to show: a generic one as it is; anything else (written
 * before the guard: `ECONNREFUSED`, `HTTP 503`...) reduced to its generic form.
 */
export function shownEgressError(stored: string | null): string | null {
  if (stored === null || stored === EGRESS_FAILED || /^HTTP [345]xx(: redirects are not followed)?$/.test(stored)) return stored;
  const http = /^HTTP (\d{3})$/.exec(stored);
  return http ? httpStatusError(Number(http[1])) : EGRESS_FAILED;
}

function serviceUrlPort(u: string): number | null {
  try {
    const url = new URL(u);
    return url.port ? Number(url.port) : DEFAULT_PORTS[url.protocol] ?? null;
  } catch {
    return null;
  }
}
