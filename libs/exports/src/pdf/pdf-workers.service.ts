import { Inject, Injectable, OnApplicationShutdown, Optional } from '@nestjs/common';
import { APP_CONFIG } from '@regula/platform';
import { PdfRender, PdfWorkerPool } from './pdf-worker.pool';

/** Default number of PDF worker threads when the config does not say (EXPORT_PDF_WORKERS). */
export const DEFAULT_PDF_WORKERS = 2;

/**
 * The process's PDF worker threads (pdf-worker.pool.ts): EXPORT_PDF_WORKERS of
 * them (default 2), started on the first PDF and terminated when the
 * application shuts down.
 */
@Injectable()
export class PdfWorkers implements OnApplicationShutdown {
  private readonly pool: PdfWorkerPool;

  constructor(@Optional() @Inject(APP_CONFIG) cfg?: { EXPORT_PDF_WORKERS?: number }) {
    this.pool = new PdfWorkerPool(cfg?.EXPORT_PDF_WORKERS ?? DEFAULT_PDF_WORKERS);
  }

  readonly render: PdfRender = (frame, blocks, generatedAt) => this.pool.render(frame, blocks, generatedAt);

  get size(): number {
    return this.pool.size;
  }

  /** Worker threads running now. */
  get running(): number {
    return this.pool.workers;
  }

  onApplicationShutdown(): Promise<void> {
    return this.pool.close();
  }
}
