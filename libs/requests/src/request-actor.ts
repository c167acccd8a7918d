/** Who acts on a request: the subject, the system, or a signed-in admin. */
export interface RequestActor {
  /** The staff user's id; null for the subject and the system. */
  userId: string | null;
  /** 'subject', 'system', or the admin's e-mail (the timeline shows it). */
  label: string;
  /** For the audit log: "admin@x (compliance-admin)". */
  auditLabel?: string;
  ip?: string;
}

export const SUBJECT: RequestActor = { userId: null, label: 'subject', auditLabel: 'data subject' };
export const SYSTEM: RequestActor = { userId: null, label: 'system', auditLabel: 'system' };

export function staffActor(user: { id: string; email: string }, role: string, ip?: string): RequestActor {
  return { userId: user.id, label: user.email, auditLabel: `${user.email} (${role})`, ip };
}
