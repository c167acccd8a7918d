/**
 * Entry of a PDF worker thread (pdf-worker.pool.ts): renders one document at a
 * time with the same code as the main thread (renderPdf, with our pdfkit font
 * patches loaded in this thread) and hands the bytes back, transferred.
 * Only relative imports: it runs from dist/ and, under ts-node, from source.
 */
import { parentPort } from 'node:worker_threads';
import type { Block, PageFrame } from './pdf-blocks';
import { renderPdf } from './pdf-document';

export interface PdfJob {
  id: number;
  frame: PageFrame;
  blocks: Block[];
  generatedAt: Date;
}
export type PdfJobResult = { id: number; bytes: ArrayBuffer } | { id: number; error: string };

/** The bytes in an ArrayBuffer of their own (a small Buffer may sit in Node's shared pool), so it can be transferred. */
function ownArrayBuffer(b: Buffer): ArrayBuffer {
  if (b.byteOffset === 0 && b.buffer.byteLength === b.length && b.buffer instanceof ArrayBuffer) return b.buffer;
  const copy = new ArrayBuffer(b.length);
  new Uint8Array(copy).set(b);
  return copy;
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (job: PdfJob) => {
    renderPdf(job.frame, job.blocks, job.generatedAt).then(
      (pdf) => {
        const bytes = ownArrayBuffer(pdf);
        port.postMessage({ id: job.id, bytes } satisfies PdfJobResult, [bytes]);
      },
      (e: unknown) => port.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) } satisfies PdfJobResult),
    );
  });
}
