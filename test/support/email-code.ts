import { Harness } from './api-harness';

/** The six-digit code of the latest verification e-mail of the request `reference` (from the outbox). */
export async function emailCode(h: Harness, reference: string): Promise<string> {
  const rows: { subject: string }[] = await h.db.owner.query(
    `SELECT e.subject FROM outbox_emails e JOIN rights_requests r ON r.id = e.request_id WHERE r.reference = $1 AND e.template = 'verify-email' ORDER BY e.created_at DESC`,
    [reference],
  );
  return /(\d{6})/.exec(rows[0].subject)![1];
}
