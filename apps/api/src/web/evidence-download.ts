import type { Response } from 'express';
import { EVIDENCE_TYPES } from '@regula/requests';

/**
 * `Content-Disposition: attachment` with a plain ASCII name (the document id
 * and the extension of the detected type) and the uploaded name as
 * RFC 5987 `filename*`, so a browser never renders the file inline.
 */
export function attachmentDisposition(uploadedName: string, id: string, contentType: string): string {
  const ext = EVIDENCE_TYPES[contentType]?.ext ?? 'bin';
  const ascii = `identity-document-${id}.${ext}`;
  const shown = uploadedName.replace(/[\u0000-\u001F\u007F"\\/]/g, '_').slice(0, 200) || ascii;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(shown)}`;
}

/** What an identity document download needs of the stored evidence. */
export interface EvidenceFile {
  id: string;
  fileName: string;
  contentType: string;
}

/**
 * Sends an identity document the same way from the REST API and the
 * dashboard: as an attachment, never sniffed, never cached, and sandboxed by
 * its CSP should a browser open it anyway.
 */
export function sendEvidence(res: Response, evidence: EvidenceFile, content: Buffer): void {
  res.set({
    'Content-Type': evidence.contentType,
    'Content-Length': String(content.length),
    'Content-Disposition': attachmentDisposition(evidence.fileName, evidence.id, evidence.contentType),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; sandbox",
  });
  res.status(200).end(content);
}
