/** Who drafts or publishes a policy version, for the version row and the audit log. */
export interface PolicyActor {
  userId: string | null;
  /** "admin@x (compliance-admin)", "cli: policies publish". */
  label: string;
  ip?: string;
}
