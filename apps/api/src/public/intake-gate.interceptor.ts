import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable, defer, finalize, mergeMap } from 'rxjs';
import { APP_CONFIG, ApiConfig, CapacityGate } from '@regula/platform';

/**
 * The public pages take requests in order, at most as many at once as the
 * process has pooled connections (each request holds at most one at a
 * time); a request not admitted within DATABASE_CONNECT_TIMEOUT_MS answers
 * 503 with Retry-After (PublicExceptionFilter) instead of keeping its client
 * waiting. See CapacityGate.
 */
@Injectable()
export class IntakeGate implements NestInterceptor {
  readonly gate: CapacityGate;

  constructor(@Inject(APP_CONFIG) cfg: ApiConfig) {
    this.gate = new CapacityGate(cfg.DATABASE_POOL_SIZE, cfg.DATABASE_CONNECT_TIMEOUT_MS);
  }

  intercept(_ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    return defer(() => this.gate.enter()).pipe(mergeMap(() => next.handle().pipe(finalize(() => this.gate.leave()))));
  }
}
