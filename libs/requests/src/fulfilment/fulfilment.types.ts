import type { EntityManager } from 'typeorm';
import type { ControllerDefinition, Register } from '@regula/engine';
import type { WebhookEvent } from '@regula/ingest';
import type { RightsRequestEntity } from '../rights-request.entity';
import type { SubjectData } from './subject-data';

/** The controller facts fulfilment needs (the tenant row's definition: everything but the registers). */
export type TenantFacts = Omit<ControllerDefinition, 'registers'>;

export interface FulfilmentActor {
  /** The staff user's id, null for the system. */
  id: string | null;
  /** For the audit log: "admin@x (compliance-admin)". */
  name: string;
  /** For the request's timeline: the admin's e-mail (defaults to `name`). */
  label?: string;
  ip?: string;
}

/** What the admin adds when fulfilling (per type; the rest comes from the request and the registers). */
export interface FulfilInput {
  /** Rectification: the corrected values, per record of the subject. */
  corrections?: { recordId: string; value: unknown }[];
  /** General objection (Art. 21(1)): whether compelling legitimate grounds override it. */
  decision?: { outcome: 'upheld' | 'overridden'; grounds?: string };
  /** Restriction: which Art. 18(1) ground applies ('a' accuracy contested ... 'd' objection pending). */
  restrictionGround?: 'a' | 'b' | 'c' | 'd';
  /** Narrows or clarifies the scope the subject gave (register ids; purpose ids as 'register:purpose' or 'purpose'). */
  registers?: string[];
  purposes?: string[];
  /** Recipients in a period: overrides `details.period` (ISO dates, the controller's calendar). */
  period?: { from: string; to: string };
  /** Disclosures the controller may not reveal (Inomedis clause 38); only authorities, only where the tenant states the exception. */
  withheldDisclosureIds?: string[];
}

/** Everything one fulfilment works on; `em` is the tenant's transaction. */
export interface FulfilmentContext {
  em: EntityManager;
  tenantId: string;
  slug: string;
  controller: TenantFacts;
  registers: Register[];
  request: RightsRequestEntity;
  subjectId: string;
  data: SubjectData;
  now: Date;
  actor: FulfilmentActor;
}

export interface ArtifactDraft {
  kind: string;
  fileName: string;
  contentType: string;
  body: string | Buffer;
}

export interface ArtifactMeta {
  id: string;
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  /** Relative URL of the subject's download (the status page adds `?token=`). */
  path: string;
}

export interface FulfilmentResult {
  /** The answer (shown on the status page): never more personal data than the subject sees there anyway. */
  outcome: Record<string, unknown>;
  artifacts?: ArtifactDraft[];
  /** The files' names when the worker builds them later (an access package): what the plan says the subject receives. */
  fileNames?: string[];
  /** Staff-only details for the audit entry. */
  audit?: Record<string, unknown>;
  /** What Regula handed to the subject: one `disclosures` row per register (recipient 'data-subject'). */
  handedToSubject?: { registerKey: string; categories: string[] }[];
}

/** The webhook outbox (libs/ingest), as fulfilment uses it. */
export interface WebhookEnqueuer {
  enqueue(em: EntityManager, input: { tenantId: string; sourceSystemId: string; event: WebhookEvent; payload: Record<string, unknown> }): Promise<unknown>;
}
export const FULFILMENT_WEBHOOKS = Symbol('FULFILMENT_WEBHOOKS');
