import type Redis from 'ioredis';
import type { Clock } from '@regula/platform';
import type { BoardAudit } from './board-audit';
import type { BoardSession } from './queues-board-auth';

/** How long a switch to write mode lasts. */
export const WRITE_MODE_MINUTES = 15;

const key = (jti: string) => `regula:queues-board:write-mode:${jti}`;

/**
 * The board's write mode: off by default; a platform admin switches it on
 * for one session (the access token's id), for WRITE_MODE_MINUTES, with a
 * reason; both switches are audited. The end is measured on the injected
 * clock; Redis forgets the key a little after it.
 */
export class BoardWriteMode {
  constructor(private readonly redis: Redis, private readonly clock: Clock, private readonly audit: BoardAudit) {}

  /** Until when this session may write, or null (read-only). */
  async until(session: BoardSession): Promise<Date | null> {
    const raw = await this.redis.get(key(session.claims.jti));
    const until = raw ? new Date(Number(raw)) : null;
    return until && until.getTime() > this.clock().getTime() ? until : null;
  }

  async switchOn(session: BoardSession, reason: string, ip: string): Promise<Date> {
    const until = new Date(this.clock().getTime() + WRITE_MODE_MINUTES * 60_000);
    await this.audit.record(session, 'write-mode-on', null, { reason, minutes: WRITE_MODE_MINUTES, until: until.toISOString() }, ip);
    await this.redis.set(key(session.claims.jti), String(until.getTime()), 'PX', WRITE_MODE_MINUTES * 60_000 + 60_000);
    return until;
  }

  async switchOff(session: BoardSession, ip: string): Promise<void> {
    const was = await this.until(session);
    await this.redis.del(key(session.claims.jti));
    await this.audit.record(session, 'write-mode-off', null, { wasOnUntil: was?.toISOString() ?? null }, ip);
  }
}
