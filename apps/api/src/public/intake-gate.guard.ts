import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import onFinished from 'on-finished';
import { APP_CONFIG, ApiConfig, CapacityGate } from '@regula/platform';

/**
 * The public pages take requests in order, at most PUBLIC_CONCURRENCY at
 * once (default: four times the process's pooled connections); a request not
 * admitted within DATABASE_CONNECT_TIMEOUT_MS answers 503 with Retry-After
 * (PublicExceptionFilter) instead of keeping its client waiting. See
 * CapacityGate. The last of the public controllers' guards: a request
 * refused by the rate limits never waits for a turn. Its turn ends when its
 * response is finished or its connection closed, whichever comes first.
 *
 * Why four times: a request holds at most one connection at a time, and only
 * for its statements, between its rate-limit calls, its own work and its page;
 * and a tenant's filings of one moment share one write (OneTripBatches). With
 * as many admitted as connections, a burst of filings left connections idle
 * (intake bench, 50 subjects at once, three runs each way: 201-225 filings a
 * second admitted 10 at a time, 277-282 admitted 20). Once filings were
 * written together, more admitted made larger batches (two runs each way: 337
 * and 357 a second admitted 20, 421 and 368 admitted 40, 399 and 285 admitted
 * 80, whose p99 reached 1.1 s); four times keeps the pool's own queue short,
 * so the admitted still finish in order.
 *
 * A guard rather than an interceptor: Nest wraps each interceptor's call in an
 * RxJS pipe and an async resource, about a tenth of a cached page's CPU.
 */
@Injectable()
export class IntakeGate implements CanActivate {
  readonly gate: CapacityGate;

  constructor(@Inject(APP_CONFIG) cfg: ApiConfig) {
    this.gate = new CapacityGate(cfg.PUBLIC_CONCURRENCY || 4 * cfg.DATABASE_POOL_SIZE, cfg.DATABASE_CONNECT_TIMEOUT_MS);
  }

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    await this.gate.enter();
    // Called at once when the client went away while the request waited.
    onFinished(ctx.switchToHttp().getResponse<Response>(), () => this.gate.leave());
    return true;
  }
}
