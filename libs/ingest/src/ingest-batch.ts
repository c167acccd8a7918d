import { ANCHOR_EVENTS, AnchorEvent } from '@regula/engine';
import { IdentifierKind } from '@regula/subjects';

/**
 * The shape of an ingest batch (POST /api/v1/ingest/:slug/batch), as plain
 * types: the HTTP DTOs (ingest.dto.ts) implement them and the demo-data
 * generator builds them. See libs/ingest/README.md for an example.
 */

export const MAX_BATCH_ITEMS = 1000;

/** Anchor events a system may report ('collected' is the record's collectedAt). */
export const INGEST_ANCHORS = ANCHOR_EVENTS.filter((a) => a !== 'collected') as Exclude<AnchorEvent, 'collected'>[];
export type IngestAnchor = (typeof INGEST_ANCHORS)[number];

export interface IdentifierInput {
  kind: IdentifierKind;
  value: string;
}

export interface SubjectInput {
  /** The system's own reference of the person: echoed in the response, not stored. */
  externalRef?: string;
  identifiers: IdentifierInput[];
  displayName?: string;
  /** Preferred language ('lv', 'en'...). */
  locale?: string;
}

export interface RecordInput {
  externalId: string;
  /** One identifier of the subject (sent in `subjects`, in this batch or an earlier one). */
  subject: IdentifierInput;
  register: string;
  category: string;
  value: unknown;
  /** ISO timestamp with offset, or a date (midnight in the tenant's time zone). */
  collectedAt: string;
  anchors?: Partial<Record<IngestAnchor, string>>;
}

export interface ConsentInput {
  externalId: string;
  subject: IdentifierInput;
  register: string;
  purpose: string;
  givenAt: string;
  channel: string;
  policyVersion?: string;
  withdrawnAt?: string;
}

export interface DisclosureInput {
  externalId: string;
  subject: IdentifierInput;
  register: string;
  recipient: string;
  categories: string[];
  disclosedAt: string;
}

export interface IngestBatch {
  subjects?: SubjectInput[];
  records?: RecordInput[];
  consents?: ConsentInput[];
  disclosures?: DisclosureInput[];
}

export type ItemKind = 'subjects' | 'records' | 'consents' | 'disclosures';
export const ITEM_KINDS: ItemKind[] = ['subjects', 'records', 'consents', 'disclosures'];

/** One refused item: where it is in the batch and why. */
export interface ItemError {
  /** 'records[3]'. */
  item: string;
  externalId?: string;
  message: string;
}

export type ItemStatus = 'created' | 'updated' | 'unchanged' | 'ignored';

/** The outcome of one accepted item. */
export interface ItemResult {
  item: string;
  externalId?: string;
  status: ItemStatus;
  /** Why an item was ignored (a record that was erased is not stored again). */
  note?: string;
}

export type Counts = Record<ItemStatus, number>;

export interface IngestResult {
  ok: true;
  system: string;
  /** Items that changed something (created or updated). */
  changed: number;
  counts: Record<ItemKind, Counts>;
  items: ItemResult[];
}
