import type { BreachRisk, SubjectsExemption } from './breach.entity';

export const BREACH_RISKS: readonly BreachRisk[] = ['no-risk', 'risk', 'high-risk'];
export const SUBJECTS_EXEMPTIONS: readonly SubjectsExemption[] = ['encrypted', 'risk-removed', 'disproportionate-effort'];

/** Who acts: a signed-in staff member (or the worker). */
export interface BreachActor {
  userId: string | null;
  /** For the audit log: "admin@x (compliance-admin)". */
  label: string;
  ip?: string;
}

export interface BreachFacts {
  title: string;
  awareAt: Date;
  occurredAt?: Date | null;
  nature: string;
  dataCategories: string[];
  subjectCategories: string[];
  approxSubjects?: number | null;
  approxRecords?: number | null;
  likelyConsequences?: string | null;
  measures?: string | null;
  /** Default: the DPO of the tenant's definition, or its contact point when it has no DPO. */
  dpoContact?: string | null;
  risk?: BreachRisk | null;
  riskReasoning?: string | null;
}

export type BreachPatch = Partial<BreachFacts> & {
  authorityReference?: string | null;
  delayReasons?: string | null;
  /** 'closed' closes (only when nothing the law requires is outstanding); 'open' reopens. */
  status?: 'closed' | 'open';
};

export interface AuthorityNotice {
  notifiedAt?: Date;
  reference?: string | null;
  delayReasons?: string | null;
}

export interface SubjectsNotice {
  notifiedAt?: Date;
  /** How the subjects were told (e-mail, letter...); for exemption (c): the public communication. */
  method?: string | null;
  exemption?: SubjectsExemption | null;
  reasoning?: string | null;
}
