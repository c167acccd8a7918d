import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG, appDatabaseUrl, DbConfig, JobProducer } from '@regula/platform';
import { MailSweep } from './mail-sweep.service';

/** The channel `outbox_emails_wake` notifies (migration 1764600079001). */
export const OUTBOX_WAKE_CHANNEL = 'regula_outbox';
/** Wait before listening again after the connection dropped. */
const RECONNECT_MS = 1_000;

/** `tenant:id,tenant:id,…` (an empty tenant: the platform's e-mail) as the trigger writes it. */
export function parseWake(payload: string): { tenantId: string | null; emailId: string }[] {
  const uuid = /^[0-9a-f-]{36}$/i;
  return payload
    .split(',')
    .map((pair) => pair.split(':'))
    .filter(([tenant, id]) => id !== undefined && uuid.test(id) && (tenant === '' || uuid.test(tenant)))
    .map(([tenant, id]) => ({ tenantId: tenant || null, emailId: id }));
}

/**
 * The worker's ear on the outbox (hosted with the mail queue): a web filing
 * queues no job for its e-mails (issue 16 §2: no Redis call on its path for
 * them); the insert's trigger notifies `regula_outbox` when it commits, and
 * this listener adds each e-mail's `send-email` job under the e-mail's id (so
 * several workers hearing it add one). When it starts listening, and again
 * after a dropped connection, it requeues every pending e-mail at once
 * (MailSweep without its grace): nothing written while no worker listened
 * waits for the minute sweep.
 */
@Injectable()
export class OutboxWakeListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('mail-wake');
  private client: Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly cfg: DbConfig,
    private readonly jobs: JobProducer,
    private readonly sweep: MailSweep,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: appDatabaseUrl(this.cfg), application_name: 'regula-mail-wake' });
    client.on('error', (e) => this.dropped(client, e));
    client.on('end', () => this.dropped(client));
    client.on('notification', (n) => {
      if (n.channel !== OUTBOX_WAKE_CHANNEL || !n.payload) return;
      const emails = parseWake(n.payload);
      this.jobs
        .addBulk(emails.map((data) => ({ name: 'send-email' as const, data, opts: { jobId: data.emailId } })))
        .catch((e: Error) => this.logger.warn(`could not queue ${emails.length} e-mail(s): ${e.message} (the mail sweep requeues them)`));
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_WAKE_CHANNEL}`);
      this.client = client;
    } catch (e) {
      this.dropped(client, e as Error);
      return;
    }
    // Whatever was written while nobody listened.
    await this.sweep.sweep(undefined, { graceMs: 0 }).catch((e: Error) => this.logger.warn(`catch-up sweep failed: ${e.message}`));
  }

  private dropped(client: Client, e?: Error): void {
    if (this.client === client) this.client = null;
    client.removeAllListeners('end');
    client.end().catch(() => undefined);
    if (this.stopped || this.retry) return;
    this.logger.warn(`outbox listener lost its connection${e ? `: ${e.message}` : ''}; listening again in ${RECONNECT_MS} ms`);
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.listen();
    }, RECONNECT_MS);
    this.retry.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
    }
  }
}
