import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, ApiConfig, RateLimit, RateLimiter, RateVerdict } from '@regula/platform';

/** Sign-in limits: attempts per IP address, failed attempts per e-mail address. */
@Injectable()
export class LoginRateLimiter {
  private readonly perIp: RateLimit;
  private readonly perEmail: RateLimit;

  constructor(private readonly limiter: RateLimiter, @Inject(APP_CONFIG) cfg: ApiConfig) {
    this.perIp = { bucket: 'login-ip', max: cfg.LOGIN_MAX_PER_IP, windowSeconds: cfg.LOGIN_WINDOW_SECONDS };
    this.perEmail = { bucket: 'login-email', max: cfg.LOGIN_MAX_PER_EMAIL, windowSeconds: cfg.LOGIN_WINDOW_SECONDS };
  }

  /** Counts this attempt against the IP and says whether it may proceed. */
  async attempt(ip: string, email: string): Promise<RateVerdict> {
    const byIp = await this.limiter.hit([this.perIp, ip]);
    if (!byIp.allowed) return byIp;
    return this.limiter.exceeded(this.perEmail, email);
  }

  failed(_ip: string, email: string): Promise<void> {
    return this.limiter.count(this.perEmail, email);
  }

  succeeded(_ip: string, email: string): Promise<void> {
    return this.limiter.reset(this.perEmail, email);
  }
}
