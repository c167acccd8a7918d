import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import type { BaseClient, Issuer } from 'openid-client';
import { APP_CONFIG, ApiConfig, EgressGuard, addressClass } from '@regula/platform';

/**
 * openid-client, loaded on first use: only a tenant with single sign-on needs it, and
 * every API process (and every e2e suite) would otherwise load its hundred-odd modules at boot.
 */
let loaded: Promise<typeof import('openid-client')> | undefined;
export function openidClient(): Promise<typeof import('openid-client')> {
  loaded ??= import('openid-client');
  return loaded;
}

/** How long a request to a tenant's identity provider may take. */
const IDP_TIMEOUT_MS = 5000;

/**
 * The way out to a tenant's identity provider, under the egress policy
 * (docs/ARCHITECTURE.md, "Audit, mail secrets, egress"): every URL Regula
 * itself requests (discovery, token endpoint, keys) is checked by the
 * EgressGuard (public internet addresses only, not Regula's own ports), and
 * every connection openid-client opens resolves its host through a lookup
 * that refuses any address the guard would (so a name that resolves elsewhere
 * by the time of the request is refused too). Loopback only with the
 * test-only REGULA_TEST_ALLOW_LOOPBACK_IDP (refused at boot in production).
 */
@Injectable()
export class SsoEgress {
  private readonly guard: EgressGuard;
  private readonly allowLoopback: boolean;
  private guarded: Promise<{ discover(uri: string): Promise<Issuer<BaseClient>> }> | undefined;

  constructor(@Inject(APP_CONFIG) cfg: ApiConfig) {
    this.allowLoopback = cfg.NODE_ENV !== 'production' && cfg.REGULA_TEST_ALLOW_LOOPBACK_IDP === '1';
    this.guard = new EgressGuard({ ...cfg, REGULA_TEST_ALLOW_LOOPBACK_WEBHOOKS: this.allowLoopback ? '1' : '0' });
  }

  /** The provider's discovery document, fetched through the guarded lookup (openid-client's Issuer). */
  async discover(uri: string): Promise<Issuer<BaseClient>> {
    this.guarded ??= openidClient().then(({ Issuer, custom }) => {
      class GuardedIssuer extends Issuer {}
      (GuardedIssuer as unknown as Record<symbol, unknown>)[custom.http_options] = this.httpOptions;
      return GuardedIssuer;
    });
    return (await this.guarded).discover(uri);
  }

  /** Null when Regula may request `raw`, else why not (read after the field's name). */
  async problemOf(raw: string): Promise<string | null> {
    const checked = await this.guard.check(raw);
    return checked.ok ? null : checked.problem.replace('webhooks go to', 'identity providers must be on');
  }

  /** openid-client's per-request options: the guarded lookup and a timeout. */
  readonly httpOptions = (): { lookup: LookupFunction; timeout: number } => ({ lookup: this.lookup, timeout: IDP_TIMEOUT_MS });

  private readonly lookup: LookupFunction = (hostname, options, callback) => {
    this.guard.resolve(hostname).then(
      (addresses) => {
        const refused = !addresses.length || addresses.some((a) => {
          const cls = addressClass(a.address);
          return cls !== null && !(cls === 'loopback' && this.allowLoopback);
        });
        if (refused) {
          callback(Object.assign(new Error(`egress refused: ${hostname} resolves to an address identity providers must not be on`), { code: 'EGRESS_REFUSED' }), '', 4);
          return;
        }
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
        if (options.all) (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, wanted.map((a) => ({ address: a.address, family: a.family })));
        else callback(null, wanted[0]?.address ?? '', wanted[0]?.family ?? 4);
      },
      (e: Error) => callback(e as NodeJS.ErrnoException, '', 4),
    );
  };
}
