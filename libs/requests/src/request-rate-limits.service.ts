import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, CommonConfig, RateLimit, RateLimiter } from '@regula/platform';
import { RequestRateLimitedError } from './request-errors';

export type PublicAction = 'file' | 'verify' | 'resend' | 'evidence' | 'download';

/**
 * Limits of the public request operations, by IP address and by e-mail
 * address (or, where the e-mail is not typed, by request). Counted in Redis,
 * shared by every API node; configurable (REQUESTS_MAX_PER_IP,
 * REQUESTS_MAX_PER_EMAIL, REQUESTS_WINDOW_SECONDS).
 */
@Injectable()
export class RequestRateLimits {
  private readonly perIp: Record<PublicAction, RateLimit>;
  private readonly perSubject: Record<PublicAction, RateLimit>;

  constructor(private readonly limiter: RateLimiter, @Inject(APP_CONFIG) cfg: CommonConfig) {
    const w = cfg.REQUESTS_WINDOW_SECONDS;
    const ip = cfg.REQUESTS_MAX_PER_IP;
    const subject = cfg.REQUESTS_MAX_PER_EMAIL;
    this.perIp = {
      file: { bucket: 'req-file-ip', max: ip, windowSeconds: w },
      verify: { bucket: 'req-verify-ip', max: ip, windowSeconds: w },
      resend: { bucket: 'req-resend-ip', max: ip, windowSeconds: w },
      evidence: { bucket: 'req-evidence-ip', max: ip, windowSeconds: w },
      download: { bucket: 'req-download-ip', max: ip, windowSeconds: w },
    };
    // Code checks per request are also capped by the 5 attempts of each code.
    this.perSubject = {
      file: { bucket: 'req-file-email', max: subject, windowSeconds: w },
      verify: { bucket: 'req-verify-email', max: subject * 3, windowSeconds: w },
      resend: { bucket: 'req-resend-email', max: subject, windowSeconds: w },
      evidence: { bucket: 'req-evidence-email', max: subject * 2, windowSeconds: w },
      // Download codes of one request: one per file of the package (HTML, JSON, CSV), a few times over.
      download: { bucket: 'req-download-email', max: subject * 3, windowSeconds: w },
    };
  }

  /** Counts one hit by IP and by e-mail (or request); 429 when either is over its limit. */
  async check(action: PublicAction, ip: string | undefined, subjectKey: string): Promise<void> {
    const checks: [RateLimit, string][] = [[this.perSubject[action], subjectKey]];
    if (ip) checks.unshift([this.perIp[action], ip]);
    const verdict = await this.limiter.hit(...checks);
    if (!verdict.allowed) throw new RequestRateLimitedError(verdict.retryAfterSeconds);
  }

  /** Counts one hit by IP only (input too bad to name a subject still counts); 429 when over its limit. */
  async checkIp(action: PublicAction, ip: string | undefined): Promise<void> {
    if (!ip) return;
    const verdict = await this.limiter.hit([this.perIp[action], ip]);
    if (!verdict.allowed) throw new RequestRateLimitedError(verdict.retryAfterSeconds);
  }
}
