import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Block, PageFrame } from './pdf-blocks';
import type { PdfJob, PdfJobResult } from './pdf-render.worker';

/** Renders a framed document to PDF bytes: renderPdf on this thread, or PdfWorkerPool.render off it. */
export type PdfRender = (frame: PageFrame, blocks: Block[], generatedAt: Date) => Promise<Buffer>;

export class PdfWorkerError extends Error {
  override name = 'PdfWorkerError';
}

/** The worker entry next to this file: .js from dist/, .ts under ts-node and ts-jest (then the worker registers ts-node itself). */
function workerEntry(): { file: string; execArgv: string[] } {
  const ext = extname(__filename);
  const file = join(__dirname, `pdf-render.worker${ext}`);
  return ext === '.ts' ? { file, execArgv: ['-r', 'ts-node/register/transpile-only'] } : { file, execArgv: [] };
}

interface Pending {
  job: PdfJob;
  resolve: (pdf: Buffer) => void;
  reject: (e: Error) => void;
}
interface Slot {
  worker: Worker;
  busy?: Pending;
  timer?: NodeJS.Timeout;
}

/**
 * A few worker threads that render PDFs, so a long document (the record of
 * 1,000 registers takes about 5 s of CPU) does not hold the event loop.
 * Workers are started when a job needs one and reused; each renders one
 * document at a time, further jobs wait in order. A job that fails in the
 * worker rejects; a worker that dies, or a job that outlasts `timeoutMs`
 * (the worker is then terminated), rejects its job with PdfWorkerError and
 * the next job starts a new worker. `close()` terminates them all.
 */
export class PdfWorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    readonly size: number,
    private readonly timeoutMs = 120_000,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`PDF worker pool size must be a whole number >= 1, not ${size}`);
  }

  /** Workers running now (started lazily, so 0 before the first job). */
  get workers(): number {
    return this.slots.length;
  }

  readonly render: PdfRender = (frame, blocks, generatedAt) =>
    new Promise<Buffer>((resolve, reject) => {
      if (this.closed) return reject(new PdfWorkerError('the PDF workers are shut down'));
      this.queue.push({ job: { id: this.nextId++, frame, blocks, generatedAt }, resolve, reject });
      this.dispatch();
    });

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new PdfWorkerError('the PDF workers were shut down before this document was rendered'));
    await Promise.all([...this.slots].map((s) => this.drop(s, new PdfWorkerError('the PDF workers were shut down while this document was rendered'))));
  }

  private dispatch(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot) {
        if (this.slots.length >= this.size) return;
        slot = this.start();
      }
      const pending = this.queue.shift()!;
      slot.busy = pending;
      slot.worker.ref();
      slot.timer = setTimeout(() => void this.drop(slot!, new PdfWorkerError(`the PDF was not rendered within ${Math.round(this.timeoutMs / 1000)} s; its worker was stopped`)), this.timeoutMs);
      try {
        slot.worker.postMessage(pending.job);
      } catch (e) {
        // e.g. content that cannot be cloned: the job fails, the worker stays
        this.settle(slot);
        pending.reject(new PdfWorkerError(`the document could not be sent to a PDF worker: ${e instanceof Error ? e.message : String(e)}`));
      }
    }
  }

  private start(): Slot {
    const { file, execArgv } = workerEntry();
    const worker = new Worker(file, { execArgv, stdout: false, stderr: false });
    const slot: Slot = { worker };
    worker.unref();
    worker.on('message', (m: PdfJobResult) => {
      const pending = slot.busy;
      if (!pending || pending.job.id !== m.id) return;
      this.settle(slot);
      if ('bytes' in m) pending.resolve(Buffer.from(m.bytes));
      else pending.reject(new Error(`PDF rendering failed: ${m.error}`));
      this.dispatch();
    });
    worker.on('error', (e) => void this.drop(slot, new PdfWorkerError(`a PDF worker failed: ${e.message}`)));
    worker.on('exit', (code) => void this.drop(slot, new PdfWorkerError(`a PDF worker exited (code ${code}) while rendering`)));
    this.slots.push(slot);
    return slot;
  }

  /** The slot is idle again: no timer, and it does not keep the process alive. */
  private settle(slot: Slot): Pending | undefined {
    const pending = slot.busy;
    clearTimeout(slot.timer);
    slot.busy = undefined;
    slot.timer = undefined;
    slot.worker.unref();
    return pending;
  }

  /** Removes a worker (dead, stuck or shut down): its job fails with `error`, the queue goes on with a new worker. */
  private async drop(slot: Slot, error: Error): Promise<void> {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    this.settle(slot)?.reject(error);
    await slot.worker.terminate().catch(() => undefined);
    if (!this.closed) this.dispatch();
  }
}
