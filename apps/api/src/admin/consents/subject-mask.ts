/**
 * Lists show a subject by a masked identifier only: the first character of
 * the e-mail address's local part and its domain ("a***@example.lv"), or,
 * without an e-mail address, the first characters of the subject's id.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

export function subjectLabel(email: string | null | undefined, subjectId: string): string {
  return email ? maskEmail(email) : `#${subjectId.slice(0, 8)}`;
}
