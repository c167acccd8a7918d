import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { NextFunction, Request, Response } from 'express';
import { Queue } from 'bullmq';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { ApiConfig, APP_CONFIG, QueueName } from '@regula/platform';
import { AccessTokens, AuthModule, AuthService } from '@regula/auth';
import { inputHygieneMiddleware } from '../common/input/input-hygiene.guard';
import { APP_CSP_WITH_BASE } from '../common/security-headers.middleware';
import { QueuesBoardAuth } from './queues-board-auth';
import { loginPage } from './login-page';

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

/** The queue dashboard (Bull Board) at /admin/queues, for platform admins: every queue of QueueName. */
@Module({ imports: [AuthModule] })
export class QueuesBoardModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly auth: AuthService,
    private readonly tokens: AccessTokens,
    @Inject(APP_CONFIG) private readonly cfg: ApiConfig,
  ) {}

  onModuleInit(): void {
    const http = this.adapterHost.httpAdapter;
    if (!http || http.getType() !== 'express') return;
    const queues = Object.values(QueueName).map((name) => new BullMQAdapter(this.moduleRef.get<Queue>(getQueueToken(name), { strict: false })));
    const serverAdapter = new ExpressAdapter().setBasePath(QUEUES_BOARD_PATH);
    createBullBoard({ queues, serverAdapter, options: { uiConfig: { boardTitle: 'Regula queues' } } });
    const guard = new QueuesBoardAuth(QUEUES_BOARD_PATH, this.tokens, this.auth, {
      secureCookie: this.cfg.NODE_ENV === 'production',
      ttlSeconds: this.cfg.JWT_TTL_SECONDS,
    });
    // Outside Nest's routing, so the global InputHygieneGuard does not see these requests (the sign-in form included).
    const hygiene = inputHygieneMiddleware((req, res, error) => {
      res.status(400).setHeader('Cache-Control', 'no-store');
      if ((req.headers.accept ?? '').includes('text/html')) res.type('html').send(loginPage(QUEUES_BOARD_PATH, `${error.field}: not allowed characters (NUL or an unpaired surrogate).`));
      else res.json(error.getResponse());
    });
    http.use(QUEUES_BOARD_PATH, noThirdParty, hygiene, guard.handle, serverAdapter.getRouter());
  }
}
