import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import { BaseClient, custom, Issuer } from 'openid-client';
import { APP_CONFIG, ApiConfig, EgressGuard, addressClass } from '@regula/platform';

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
  /** openid-client's Issuer, whose discovery goes through the guarded lookup. */
  readonly Issuer: { discover(uri: string): Promise<Issuer<BaseClient>> };

  constructor(@Inject(APP_CONFIG) cfg: ApiConfig) {
    this.allowLoopback = cfg.NODE_ENV !== 'production' && cfg.REGULA_TEST_ALLOW_LOOPBACK_IDP === '1';
    this.guard = new EgressGuard({ ...cfg, REGULA_TEST_ALLOW_LOOPBACK_WEBHOOKS: this.allowLoopback ? '1' : '0' });
    const options = this.httpOptions;
    class GuardedIssuer extends Issuer {}
    (GuardedIssuer as unknown as Record<symbol, unknown>)[custom.http_options] = options;
    this.Issuer = GuardedIssuer;
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
