import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { AuditService } from '@regula/audit';
import { MailService } from '@regula/mail';
import { CLOCK, Clock, QueueName, REDIS, TenantDb } from '@regula/platform';

/** How long a queue may stay paused before the platform admins are told. */
export const PAUSE_ALERT_AFTER_MS = 60 * 60_000;

/**
 * Platform admins have no language of their own (users hold none), so their
 * e-mails are in the dashboard's default language, as its pages without a tenant are.
 */
export const PLATFORM_ADMIN_LOCALE = 'en';

const sinceKey = (queue: string) => `regula:queue-watch:${queue}:paused-since`;
const mailedKey = (queue: string) => `regula:queue-watch:${queue}:mailed`;

/**
 * Watches the other queues: a queue found paused starts a pause episode (its
 * first sighting, on the injected clock, in Redis); once an episode has lasted
 * PAUSE_ALERT_AFTER_MS, every active platform admin gets one e-mail and the
 * platform's audit chain one entry. The "mailed" marker is set with NX, so
 * however many checks and workers run, an episode e-mails once; a queue found
 * running ends its episode.
 */
@Injectable()
export class PausedQueueWatch {
  private readonly logger = new Logger('queue-watch');

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly db: TenantDb,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Every queue but the watch's own. */
  private watched(): { name: QueueName; queue: Queue }[] {
    return Object.values(QueueName)
      .filter((name) => name !== QueueName.Monitor)
      .map((name) => ({ name, queue: this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }) }));
  }

  async check(): Promise<{ paused: string[]; mailed: string[] }> {
    const now = this.clock();
    const paused: string[] = [];
    const mailed: string[] = [];
    for (const { name, queue } of this.watched()) {
      if (!(await queue.isPaused())) {
        await this.redis.del(sinceKey(name), mailedKey(name));
        continue;
      }
      paused.push(name);
      await this.redis.set(sinceKey(name), String(now.getTime()), 'NX');
      const since = new Date(Number(await this.redis.get(sinceKey(name))));
      if (now.getTime() - since.getTime() < PAUSE_ALERT_AFTER_MS) continue;
      if ((await this.redis.set(mailedKey(name), String(now.getTime()), 'NX')) !== 'OK') continue;
      try {
        await this.tellPlatformAdmins(name, since, now);
      } catch (e) {
        // Not told: the next check tries again.
        await this.redis.del(mailedKey(name));
        throw e;
      }
      mailed.push(name);
    }
    return { paused, mailed };
  }

  private tellPlatformAdmins(queue: QueueName, since: Date, now: Date): Promise<void> {
    return this.db.forPlatform(async (em) => {
      const admins: { email: string }[] = await em.query(`SELECT email FROM users WHERE is_platform_admin AND disabled_at IS NULL ORDER BY email`);
      for (const { email } of admins) {
        await this.mail.sendToPlatformAdmin(em, { to: email, template: 'queue-paused', locale: PLATFORM_ADMIN_LOCALE, data: { queue, pausedSince: since } });
      }
      await this.audit.append(em, {
        tenantId: null,
        actorId: null,
        actor: 'worker: queue watch',
        action: 'queue.paused-too-long',
        targetType: 'queue',
        targetId: queue,
        details: { pausedSince: since.toISOString(), checkedAt: now.toISOString(), emails: admins.length },
      });
      if (!admins.length) this.logger.warn(`queue ${queue} paused since ${since.toISOString()}: no platform admin to tell`);
      else this.logger.warn(`queue ${queue} paused since ${since.toISOString()}: ${admins.length} platform admin(s) told`);
    });
  }
}
