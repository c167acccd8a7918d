import { Inject, Module, OnModuleInit, Optional } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { Queue } from 'bullmq';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type Redis from 'ioredis';
import { ApiConfig, APP_CONFIG, CLOCK, Clock, QueueName, REDIS, systemClock, TenantDb } from '@regula/platform';
import { AccessTokens, AuthModule, AuthService } from '@regula/auth';
import { AuditService } from '@regula/audit';
import { AdminModule } from '../admin/admin.module';
import { AdminSessionService } from '../admin/session/admin-session.service';
import { AdminPages } from '../admin/shared/admin-pages.service';
import { QueuesBoardAuth } from './queues-board-auth';
import { BoardAudit } from './board-audit';
import { BoardGate } from './board-gate';
import { BoardWriteMode } from './board-write-mode';
import { inputHygieneMiddleware } from '../common/input/input-hygiene.guard';
import { APP_CSP_WITH_BASE } from '../common/security-headers.middleware';

export const QUEUES_BOARD_PATH = '/admin/queues';

/**
 * Bull Board's page sets `<base href="/admin/queues/">` and loads its own
 * scripts and styles from there, so this path needs `base-uri 'self'` where
 * the app's policy says `base-uri 'none'`; everything else stays as strict.
 * Its one inline `<script>` is `type="application/json"` (its configuration,
 * data that never runs), so it needs no 'unsafe-inline' for scripts either.
 */
export const QUEUES_BOARD_CSP = APP_CSP_WITH_BASE;

/** Bull Board's page links a Google Fonts stylesheet: removed, so the page loads nothing from third parties. */
const THIRD_PARTY_LINK = /<link[^>]+href="https?:\/\/[^"]*"[^>]*>\s*/gi;

function noThirdParty(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Content-Security-Policy', QUEUES_BOARD_CSP);
  res.send = function send(this: Response, body?: unknown) {
    const proto = Object.getPrototypeOf(this) as Response;
    return proto.send.call(this, typeof body === 'string' ? body.replace(THIRD_PARTY_LINK, '') : body);
  } as Response['send'];
  next();
}

/**
 * The queues the board shows: every queue of QueueName but the monitor's own,
 * so that the board cannot pause the job that reports paused queues.
 */
export const BOARD_QUEUES = Object.values(QueueName).filter((name) => name !== QueueName.Monitor);

/**
 * The queue dashboard (Bull Board) at /admin/queues, for platform admins.
 * Two Bull Board instances on the same path: a read-only one (the default)
 * and a writable one for a session switched to write mode (BoardGate).
 */
@Module({ imports: [AuthModule, AdminModule] })
export class QueuesBoardModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly auth: AuthService,
    private readonly tokens: AccessTokens,
    private readonly sessions: AdminSessionService,
    private readonly pages: AdminPages,
    private readonly db: TenantDb,
    private readonly auditService: AuditService,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly cfg: ApiConfig,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  private board(queues: Map<string, Queue>, readOnlyMode: boolean) {
    const serverAdapter = new ExpressAdapter().setBasePath(QUEUES_BOARD_PATH);
    createBullBoard({
      queues: [...queues.values()].map((q) => new BullMQAdapter(q, { readOnlyMode })),
      serverAdapter,
      options: { uiConfig: { boardTitle: 'Regula queues', miscLinks: [{ text: readOnlyMode ? 'Write mode' : 'Back to read-only', url: `${QUEUES_BOARD_PATH}/write-mode` }] } },
    });
    return serverAdapter.getRouter() as express.RequestHandler;
  }

  onModuleInit(): void {
    const http = this.adapterHost.httpAdapter;
    if (!http || http.getType() !== 'express') return;
    const queues = new Map(BOARD_QUEUES.map((name) => [name, this.moduleRef.get<Queue>(getQueueToken(name), { strict: false })] as const));
    const guard = new QueuesBoardAuth(QUEUES_BOARD_PATH, this.tokens, this.auth, this.sessions, {
      secureCookie: this.cfg.NODE_ENV === 'production',
      ttlSeconds: this.cfg.JWT_TTL_SECONDS,
    });
    const audit = new BoardAudit(this.db, this.auditService);
    const gate = new BoardGate(
      QUEUES_BOARD_PATH,
      { readOnly: this.board(queues, true), writable: this.board(queues, false) },
      queues,
      new BoardWriteMode(this.redis, this.clock, audit),
      audit,
      this.sessions,
      this.pages,
    );
    // Outside Nest's routing, so the global InputHygieneGuard does not see these requests (the sign-in form included).
    const hygiene = inputHygieneMiddleware((req, res, error) => {
      res.status(400).setHeader('Cache-Control', 'no-store');
      if ((req.headers.accept ?? '').includes('text/html')) guard.page(req, res, 400, `${error.field}: not allowed characters (NUL or an unpaired surrogate).`);
      else res.json(error.getResponse());
    });
    http.use(QUEUES_BOARD_PATH, noThirdParty, hygiene, guard.handle, gate.handle);
  }
}
