import { Detector, FileTypeParser, FileTypeResult } from 'file-type';

/** Largest identity document accepted. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** The MIME type ETSI EN 319 162-1 puts in the `mimetype` entry of an ASiC-E container (.asice, .bdoc, .edoc). */
export const ASIC_E_MIME = 'application/vnd.etsi.asic-e+zip';

/** What an identity document may be, judged by its content. */
export const EVIDENCE_TYPES: Record<string, { ext: string; label: string }> = {
  'application/pdf': { ext: 'pdf', label: 'PDF' },
  'image/png': { ext: 'png', label: 'PNG image' },
  'image/jpeg': { ext: 'jpg', label: 'JPEG image' },
  [ASIC_E_MIME]: { ext: 'asice', label: 'ASiC-E e-signature container' },
};

/**
 * file-type reads a ZIP's `mimetype` entry but knows only the office and
 * e-book types; an ASiC-E container is a ZIP whose FIRST entry is `mimetype`,
 * stored uncompressed, holding ASIC_E_MIME. This detector runs before the
 * built-in ones and recognises exactly that.
 */
const asicDetector: Detector = {
  id: 'regula.asic-e',
  async detect(tokenizer) {
    const head = new Uint8Array(30 + 8 + 256);
    const n = await tokenizer.peekBuffer(head, { length: head.length, mayBeLess: true });
    if (n < 30 + 8 + ASIC_E_MIME.length) return undefined;
    const b = Buffer.from(head.buffer, 0, n);
    if (b.readUInt32LE(0) !== 0x04034b50) return undefined; // local file header
    if (b.readUInt16LE(8) !== 0) return undefined; // stored, not deflated
    const nameLength = b.readUInt16LE(26);
    const extraLength = b.readUInt16LE(28);
    if (nameLength !== 8 || b.toString('latin1', 30, 38) !== 'mimetype') return undefined;
    const start = 30 + nameLength + extraLength;
    const content = b.toString('latin1', start, Math.min(n, start + ASIC_E_MIME.length + 2));
    return content.startsWith(ASIC_E_MIME) ? { ext: 'asice' as FileTypeResult['ext'], mime: ASIC_E_MIME as FileTypeResult['mime'] } : undefined;
  },
};

export interface DetectedEvidence {
  mime: string;
  ext: string;
  label: string;
}

/** The document's type from its bytes, or what it was detected as (or undefined) when not allowed. */
export async function detectEvidence(buffer: Buffer): Promise<{ allowed: DetectedEvidence } | { rejected: string | undefined }> {
  const parser = new FileTypeParser({ customDetectors: [asicDetector] });
  const found = await parser.fromBuffer(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
  if (found && EVIDENCE_TYPES[found.mime]) return { allowed: { mime: found.mime, ...EVIDENCE_TYPES[found.mime] } };
  return { rejected: found?.mime };
}
