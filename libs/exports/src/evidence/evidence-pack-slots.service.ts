import { Injectable } from '@nestjs/common';
import { TooManyRequestsError } from '@regula/platform';

/** 429: an evidence pack of the tenant (or too many of any tenant) is being built; `retryAfterSeconds` for Retry-After. */
export class EvidencePackBusyError extends TooManyRequestsError {
  constructor(readonly reason: 'tenant' | 'process', retryAfterSeconds: number) {
    super(
      reason === 'tenant'
        ? 'An evidence pack of this controller is already being built; try again when it has been downloaded.'
        : 'The server is building as many evidence packs as it can at once; try again in a minute.',
      retryAfterSeconds,
      { reason },
    );
  }
}

/**
 * Admission of evidence packs in this process: at most one per tenant and
 * `perProcess` in all at a time (each takes a core and tens of megabytes for
 * its whole download). A further request is refused at once (429) rather
 * than queued behind a download of unknown length. Per process: each API
 * node admits its own.
 */
@Injectable()
export class EvidencePackSlots {
  readonly perProcess = 2;
  readonly retryAfterSeconds = 60;
  private readonly busy = new Set<string>();

  /** Takes a slot for the tenant or throws 429; the returned function frees it (once). */
  acquire(tenantId: string): () => void {
    if (this.busy.has(tenantId)) throw new EvidencePackBusyError('tenant', this.retryAfterSeconds);
    if (this.busy.size >= this.perProcess) throw new EvidencePackBusyError('process', this.retryAfterSeconds);
    this.busy.add(tenantId);
    let held = true;
    return () => {
      if (held) this.busy.delete(tenantId);
      held = false;
    };
  }

  get running(): number {
    return this.busy.size;
  }
}
