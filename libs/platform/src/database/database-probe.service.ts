import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Pool } from 'pg';
import { APP_CONFIG, CommonConfig, appDatabaseUrl } from '../config/app-config';

/**
 * Whether PostgreSQL answers, on a connection of its own (one, opened by the
 * first check and kept, so a check is one round trip), not one of the request pool: when a burst holds every pooled
 * connection, the database is busy, not down, and /health must not wait in
 * the pool's queue behind the burst and report it down (issue 12).
 */
@Injectable()
export class DatabaseProbe implements OnModuleDestroy {
  private pool?: Pool;

  constructor(@Inject(APP_CONFIG) private readonly cfg: CommonConfig) {}

  async ping(timeoutMs: number): Promise<void> {
    if (!this.pool) {
      this.pool = new Pool({ connectionString: appDatabaseUrl(this.cfg), max: 1, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs, idleTimeoutMillis: 0, application_name: 'regula-health' });
      // An idle connection the server closed (a restart) emits 'error'; the next check reconnects.
      this.pool.on('error', () => undefined);
    }
    await this.pool.query('SELECT 1');
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.end();
    this.pool = undefined;
  }
}
