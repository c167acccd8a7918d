import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import type { ArtifactFile } from '@regula/requests';

/**
 * A download: always an attachment (an HTML package is never rendered in
 * Regula's origin), never cached, and sandboxed should a browser open it.
 */
export function sendArtifact(res: Response, file: ArtifactFile): StreamableFile {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${file.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
  res.setHeader('Content-Length', String(file.body.length));
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
  return new StreamableFile(file.body);
}
