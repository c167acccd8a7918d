import { EVIDENCE_TYPES } from '@regula/requests/evidence-content';

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
