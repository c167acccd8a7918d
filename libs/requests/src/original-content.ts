import { DetectedEvidence, detectEvidence, EVIDENCE_TYPES } from './evidence-content';

/** The original of a recorded request: a saved e-mail (.eml) or what an identity document may be (a PDF or image scan). */
export const EML = { mime: 'message/rfc822', ext: 'eml', label: 'e-mail message (.eml)' } as const;

/** Header field names a saved e-mail starts with (RFC 5322 §3.6, RFC 5321 §4.4 trace fields). */
const FIRST_FIELDS = /^(received|return-path|from|date|subject|to|message-id|mime-version|delivered-to|x-[a-z0-9-]+|dkim-signature|arc-[a-z-]+|authentication-results)$/i;

/**
 * An RFC 5322 message judged by its bytes (file-type knows no text format):
 * no NUL byte, a header block of `name: value` lines (folded lines allowed)
 * that starts with a known field, holds a `From:` and ends with an empty line.
 */
export function looksLikeEml(buffer: Buffer): boolean {
  const head = buffer.subarray(0, 64 * 1024);
  if (head.includes(0)) return false;
  const text = head.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  if (end <= 0) return false;
  const lines = text.slice(0, end).split(/\r?\n/);
  const first = /^([!-9;-~]+):/.exec(lines[0]);
  if (!first || !FIRST_FIELDS.test(first[1])) return false;
  if (!lines.every((l) => /^[!-9;-~]+:/.test(l) || /^[ \t]/.test(l))) return false;
  return lines.some((l) => /^from:/i.test(l));
}

/** The original's type from its content, or what it was detected as (or undefined) when not allowed. */
export async function detectOriginal(buffer: Buffer): Promise<{ allowed: DetectedEvidence } | { rejected: string | undefined }> {
  const found = await detectEvidence(buffer);
  if ('allowed' in found) return found;
  if (found.rejected === undefined && looksLikeEml(buffer)) return { allowed: { ...EML } };
  return found;
}

/** What the 400 lists as accepted. */
export function acceptedOriginals(): string {
  return [EML.label, ...Object.values(EVIDENCE_TYPES).map((t) => t.label)].join(', ');
}
