import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Queue } from 'bullmq';
import type { AdminPages } from '../admin/shared/admin-pages.service';
import type { AdminSessionService } from '../admin/session/admin-session.service';
import type { BoardAudit } from './board-audit';
import { BoardWriteMode, WRITE_MODE_MINUTES } from './board-write-mode';
import { boardWriteOf, isWrite, jobIdsOf } from './board-writes';
import { BoardSession, boardSessionOf } from './queues-board-auth';
import { writeModePage } from './write-mode-page';

const ip = (req: Request) => req.ip ?? req.socket?.remoteAddress ?? 'unknown';

/**
 * What a signed-in platform admin reaches behind QueuesBoardAuth:
 * - `/write-mode`: the page and form that switch this session to write mode
 *   (with a reason) or back (BoardWriteMode, audited);
 * - every write to the board's API: refused with 403 in read-only mode,
 *   otherwise audited (who, queue, action, job ids) and then done;
 * - everything else: Bull Board, the read-only instance (no write buttons, and
 *   Bull Board itself refuses writes) unless the session is in write mode.
 */
export class BoardGate {
  constructor(
    private readonly basePath: string,
    private readonly boards: { readOnly: RequestHandler; writable: RequestHandler },
    private readonly queues: Map<string, Queue>,
    private readonly writeMode: BoardWriteMode,
    private readonly audit: BoardAudit,
    private readonly sessions: AdminSessionService,
    private readonly pages: AdminPages,
  ) {}

  readonly handle = (req: Request, res: Response, next: NextFunction): void => {
    this.route(req, res, next).catch(next);
  };

  private async route(req: Request, res: Response, next: NextFunction): Promise<void> {
    const session = boardSessionOf(res);
    if (req.path === '/write-mode') return this.writeModeForm(req, res, session);
    const until = await this.writeMode.until(session);
    if (isWrite(req)) {
      const write = boardWriteOf(req);
      if (write.action === 'add') {
        // Bull Board lets BullMQ number the job; an id given here names it in the audit entry.
        const body = (req.body ?? {}) as { options?: Record<string, unknown> };
        if (typeof body.options?.jobId !== 'string') req.body = { ...body, options: { ...(body.options ?? {}), jobId: randomUUID() } };
      }
      const { jobIds, jobCount } = await jobIdsOf(write, this.queues.get(write.queue), req.body);
      const details = { ...write, jobIds, jobCount, method: req.method, path: req.path };
      if (!until) {
        await this.audit.record(session, 'write-refused', write.queue, details, ip(req));
        res.status(403).json({ statusCode: 403, message: `the queue dashboard is read-only: switch to write mode first (${this.basePath}/write-mode)` });
        return;
      }
      await this.audit.record(session, write.action, write.queue, details, ip(req));
    }
    (until ? this.boards.writable : this.boards.readOnly)(req, res, next);
  }

  private async writeModeForm(req: Request, res: Response, session: BoardSession): Promise<void> {
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const render = async (status: number, error: string | null) => {
      res.status(status).type('html').send(
        writeModePage(t, { lang, basePath: this.basePath, until: await this.writeMode.until(session), minutes: WRITE_MODE_MINUTES, csrf: session.cookie ? this.sessions.csrf(session.cookie) : '', error }),
      );
    };
    if (req.method === 'GET') return render(200, null);
    if (req.method !== 'POST') {
      res.status(405).setHeader('Allow', 'GET, POST').end();
      return;
    }
    const body = (req.body ?? {}) as Record<string, unknown>;
    // A bearer token is not sent by the browser on its own; the cookie is, so its form carries the CSRF token.
    if (session.cookie && !this.sessions.csrfOk(session.cookie, body._csrf)) return render(403, t('queuesBoard.expired'));
    if (body.mode === 'read') {
      await this.writeMode.switchOff(session, ip(req));
      res.redirect(303, `${this.basePath}/write-mode`);
      return;
    }
    if (body.mode !== 'write') return render(400, t('queuesBoard.modeInvalid'));
    const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
    if (!reason || reason.length > 500) return render(400, t('queuesBoard.reasonMissing'));
    await this.writeMode.switchOn(session, reason, ip(req));
    res.redirect(303, this.basePath);
  }
}
