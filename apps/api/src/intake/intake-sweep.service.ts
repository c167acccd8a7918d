import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, ApiConfig } from '@regula/platform';
import { MailIntakeService } from '@regula/requests';

/** How often stored intake messages without a request are filed again. */
const SWEEP_MS = 5 * 60 * 1000;

/**
 * Nothing accepted is lost: a message is committed before `250`, and filing its
 * request follows; when filing failed (the database busy, a bug) the message waits
 * with `request_id` null. This sweep files those at start and every five minutes,
 * in the process that runs the receiver (only when it runs).
 */
@Injectable()
export class IntakeSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('smtp-intake');
  private timer: NodeJS.Timeout | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: ApiConfig, private readonly intake: MailIntakeService) {}

  onApplicationBootstrap(): void {
    if (!this.config.INTAKE_SMTP_PORT) return;
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), SWEEP_MS);
    this.timer.unref();
  }

  async sweep(): Promise<void> {
    try {
      const r = await this.intake.fileUnfiled();
      if (r.filed || r.failed) this.log.log(`intake sweep: ${r.filed} filed, ${r.failed} still failing`);
    } catch (e) {
      this.log.error(`intake sweep failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
