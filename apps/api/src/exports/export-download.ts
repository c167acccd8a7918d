import { pipeline } from 'node:stream';
import { StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { EvidencePackBusyError, ExportFile, ExportStream } from '@regula/exports';

/** A finished export as the answer: its type, an attachment file name and its SHA-256. */
export function sendExportFile(res: Response, file: ExportFile): StreamableFile {
  res.set({
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename="${file.fileName}"`,
    'X-Content-SHA256': file.sha256,
    'Cache-Control': 'no-store',
  });
  return new StreamableFile(file.body);
}

/**
 * A streamed export (the evidence pack) as the answer: chunked, without
 * Content-Length. Its SHA-256 is known only after the last byte, so it goes
 * in an HTTP trailer `X-Content-SHA256` (announced by `Trailer`, HTTP/1.1
 * only) and in the audit entry; the pack's own `SHA256SUMS` covers its files.
 * A client that goes away destroys the stream, which stops the build.
 */
export function sendExportStream(req: Request, res: Response, pack: ExportStream): void {
  res.status(200).set({
    'Content-Type': pack.contentType,
    'Content-Disposition': `attachment; filename="${pack.fileName}"`,
    'Cache-Control': 'no-store',
  });
  if (req.httpVersionMajor === 1 && req.httpVersionMinor >= 1) {
    res.setHeader('Trailer', 'X-Content-SHA256');
    pack.stream.once('hashed', (sha256: string) => res.addTrailers({ 'X-Content-SHA256': sha256 }));
  }
  pipeline(pack.stream, res, () => undefined);
}

/** Sets Retry-After on a 429 for a busy evidence pack, and rethrows whatever it is. */
export function rethrowWithRetryAfter(res: Response, e: unknown): never {
  if (e instanceof EvidencePackBusyError) res.setHeader('Retry-After', String(e.retryAfterSeconds));
  throw e;
}
