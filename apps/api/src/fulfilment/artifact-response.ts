import { Readable } from 'node:stream';
import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import type { ArtifactFile } from '@regula/requests';

/** A file to send: a request's artifact (its body whole, or in pieces as a built package), or a request's original. */
export type SentFile = Pick<ArtifactFile, 'fileName' | 'contentType'> & ({ body: Buffer } | Pick<ArtifactFile, 'body' | 'pieces' | 'sizeBytes'>);

/**
 * A download: always an attachment (an HTML package is never rendered in
 * Regula's origin), never cached, and sandboxed should a browser open it.
 */
export function sendArtifact(res: Response, file: SentFile): StreamableFile {
  // A built package is streamed piece by piece: the API never holds the whole file.
  const pieces = 'pieces' in file && file.pieces ? file.pieces : null;
  const size = pieces && 'sizeBytes' in file ? file.sizeBytes : (file.body ?? Buffer.alloc(0)).length;
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${file.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
  res.setHeader('Content-Length', String(size));
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
  return pieces ? new StreamableFile(Readable.from(pieces())) : new StreamableFile(file.body ?? Buffer.alloc(0));
}
