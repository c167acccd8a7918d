import { TenantDb } from '@regula/platform';
import { AuditService } from '@regula/audit';
import type { BoardSession } from './queues-board-auth';

/**
 * The board's entries in the platform's audit chain (tenant null, written in
 * the platform scope like sign-ins): the switch to and from write mode, every
 * write through the board and every write refused in read-only mode. The
 * entry is committed before the write runs, so no write goes unrecorded.
 */
export class BoardAudit {
  constructor(private readonly db: TenantDb, private readonly audit: AuditService) {}

  async record(session: BoardSession, action: string, queue: string | null, details: Record<string, unknown>, ip: string): Promise<void> {
    await this.db.forPlatform((em) =>
      this.audit.append(em, {
        tenantId: null,
        actorId: session.user.id,
        actor: session.user.email,
        action: `queues-board.${action}` as const,
        ...(queue ? { targetType: 'queue', targetId: queue } : {}),
        details: { ...details, session: session.claims.jti, via: session.cookie ? 'cookie' : 'bearer' },
        ip,
      }),
    );
  }
}
