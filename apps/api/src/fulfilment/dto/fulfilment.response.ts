import { ApiProperty } from '@nestjs/swagger';
import { REQUEST_STATES, REQUEST_TYPES } from '@regula/requests';
import { nullableObject } from '../../common/openapi';

const RECORD_ACTIONS = ['erase', 'keep-by-law', 'keep-legal-hold', 'restrict', 'already-restricted', 'rectify', 'hand-over', 'withdraw-consent', 'object', 'report-disclosure'];
const WEBHOOK_EVENTS = ['record.erased', 'record.rectified', 'record.restricted', 'subject.objected', 'consent.withdrawn', 'consent.renewal-required'];

/** What happens to one record (register, category and system by name, in the answer's language). */
export class FulfilmentPlannedRecord {
  @ApiProperty({ description: "The record's id (a consent's or a disclosure's for those actions)", example: '5d6e7f8a-9b0c-4d1e-8f2a-3b4c5d6e7f8a' })
  recordId: string;

  @ApiProperty({ description: 'The register key (empty for a flag on the whole tenant)', example: 'customer-relationship' })
  register: string;

  @ApiProperty({ example: 'Customer relationship' })
  registerName: string;

  @ApiProperty({ description: 'The data category (a consent withdrawal, an objection: the purpose)', example: 'contact-details' })
  category: string;

  @ApiProperty({ example: 'Contact details' })
  categoryName: string;

  @ApiProperty({ description: "The source system's name", example: 'CRM' })
  system: string;

  @ApiProperty({ enum: RECORD_ACTIONS, example: 'keep-by-law' })
  action: string;

  @ApiProperty({ type: String, required: false, nullable: true, description: 'keep-by-law: the law', example: 'Accounting Act § 12' })
  law?: string | null;

  @ApiProperty({ type: String, required: false, nullable: true, description: "keep-by-law: the retention rule's id", example: 'accounting-source-documents' })
  rule?: string | null;

  @ApiProperty({ type: String, required: false, nullable: true, description: 'keep-by-law: the last day kept (null: the period has not started); withdraw-consent: the day it takes effect', example: '2033-12-31' })
  until?: string | null;

  @ApiProperty({ required: false, description: 'rectify: the value before (masked for special categories)', example: 'Tallinn, Raua tn 2' })
  from?: string;

  @ApiProperty({ required: false, description: 'rectify: the value after (masked for special categories)', example: 'Tallinn, Raua tn 12' })
  to?: string;

  @ApiProperty({ required: false, description: "object: the flag's kind (direct-marketing, objection, automated-decisions)", example: 'direct-marketing' })
  kind?: string;

  @ApiProperty({ required: false, description: 'report-disclosure: who received the data', example: 'Tax and Customs Board' })
  recipient?: string;

  @ApiProperty({ required: false, description: 'report-disclosure: when (ISO)', example: '2026-03-02T10:00:00.000Z' })
  at?: string;
}

/** One webhook to one source system (no payload, no secret). */
export class FulfilmentPlannedWebhook {
  @ApiProperty({ example: 'CRM' })
  system: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, example: 'record.erased' })
  event: string;

  @ApiProperty({ example: 2 })
  items: number;
}

/** What the subject receives. */
export class FulfilmentSubjectDelivery {
  @ApiProperty({ enum: ['email', 'post'], example: 'email' })
  channel: string;

  @ApiProperty({ type: String, nullable: true, description: 'The address, masked; null when answered by post', example: 'm•••@example.com' })
  to: string | null;

  @ApiProperty({ enum: ['request-completed'], description: "The mail's template", example: 'request-completed' })
  message: string;

  @ApiProperty({ example: 'Your data: 12 records in 3 registers.' })
  summary: string;

  @ApiProperty({ type: [String], description: 'The files, by name', example: ['access-package.html', 'access-package.csv'] })
  files: string[];
}

/** What fulfilling does (a preview) or did (a result). */
export class FulfilmentPlanView {
  @ApiProperty({ enum: Object.keys(REQUEST_TYPES), example: 'access' })
  type: string;

  @ApiProperty({ description: "The answer's language", example: 'et' })
  language: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-22T10:00:00.000Z' })
  computedAt: string;

  @ApiProperty({ example: 'Hands over 12 records from 3 registers.' })
  summary: string;

  @ApiProperty({ type: () => [FulfilmentPlannedRecord] })
  records: FulfilmentPlannedRecord[];

  @ApiProperty({ type: () => [FulfilmentPlannedWebhook] })
  webhooks: FulfilmentPlannedWebhook[];

  @ApiProperty({ type: () => FulfilmentSubjectDelivery })
  subject: FulfilmentSubjectDelivery;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Counts per type (records, registers, erased, kept...)', example: { records: 12, registers: 3 } })
  counts: Record<string, unknown>;
}

/** A record before and after. */
export class FulfilmentRecordChange {
  @ApiProperty({ type: () => FulfilmentPlannedRecord })
  before: FulfilmentPlannedRecord;

  @ApiProperty({ type: () => FulfilmentPlannedRecord })
  after: FulfilmentPlannedRecord;
}

/** A webhook before and after. */
export class FulfilmentWebhookChange {
  @ApiProperty({ type: () => FulfilmentPlannedWebhook })
  before: FulfilmentPlannedWebhook;

  @ApiProperty({ type: () => FulfilmentPlannedWebhook })
  after: FulfilmentPlannedWebhook;
}

/** What the result did differently from the preview, by record id and by webhook. */
export class FulfilmentPlanDifference {
  @ApiProperty({ example: true })
  same: boolean;

  @ApiProperty({ type: () => [FulfilmentPlannedRecord] })
  added: FulfilmentPlannedRecord[];

  @ApiProperty({ type: () => [FulfilmentPlannedRecord] })
  removed: FulfilmentPlannedRecord[];

  @ApiProperty({ type: () => [FulfilmentRecordChange] })
  changed: FulfilmentRecordChange[];

  @ApiProperty({ type: () => [FulfilmentPlannedWebhook] })
  webhooksAdded: FulfilmentPlannedWebhook[];

  @ApiProperty({ type: () => [FulfilmentPlannedWebhook] })
  webhooksRemoved: FulfilmentPlannedWebhook[];

  @ApiProperty({ type: () => [FulfilmentWebhookChange] })
  webhooksChanged: FulfilmentWebhookChange[];
}

/** The plan carried out, and how it differs from the preview. */
export class FulfilmentResultView {
  @ApiProperty({ format: 'uuid', description: 'The fulfilment plan (the preview confirmed)', example: '6e7f8a9b-0c1d-4e2f-8a3b-4c5d6e7f8a9b' })
  id: string;

  @ApiProperty({ type: () => FulfilmentPlanView })
  plan: FulfilmentPlanView;

  @ApiProperty(nullableObject(FulfilmentPlanDifference, { description: 'Null without a preview' }))
  difference: FulfilmentPlanDifference | null;
}

/** The request closed with the outcome. */
export class FulfilmentDoneResponse {
  @ApiProperty({ example: 'R-7KQ2-XM4P' })
  reference: string;

  @ApiProperty({ enum: Object.keys(REQUEST_TYPES), example: 'access' })
  type: string;

  @ApiProperty({ enum: REQUEST_STATES, example: 'completed' })
  state: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What was done, per type (the answer, records kept and why, the files)', example: { summary: 'Your data: 12 records in 3 registers.', artifacts: [] } })
  outcome: Record<string, unknown>;

  @ApiProperty({ type: () => FulfilmentResultView, required: false, description: 'The plan carried out and the difference from the preview' })
  result?: FulfilmentResultView;
}

/** A preview, kept with the request: confirm it within 24 hours. */
export class FulfilmentPreviewResponse {
  @ApiProperty({ format: 'uuid', description: 'Confirm with `POST …/fulfil?previewId=<previewId>`', example: '6e7f8a9b-0c1d-4e2f-8a3b-4c5d6e7f8a9b' })
  previewId: string;

  @ApiProperty({ example: 'R-7KQ2-XM4P' })
  reference: string;

  @ApiProperty({ type: () => FulfilmentPlanView })
  plan: FulfilmentPlanView;
}

/** A fulfilment's preview and result, kept with the request. */
export class FulfilmentPlanRecord {
  @ApiProperty({ format: 'uuid', example: '6e7f8a9b-0c1d-4e2f-8a3b-4c5d6e7f8a9b' })
  id: string;

  @ApiProperty({ enum: Object.keys(REQUEST_TYPES), example: 'access' })
  type: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-11-22T10:00:00.000Z' })
  previewedAt: Date | null;

  @ApiProperty({ type: String, nullable: true, description: 'Who previewed it', example: 'admin@medical-management.example' })
  previewedBy: string | null;

  @ApiProperty(nullableObject(FulfilmentPlanView, { description: 'Null for a result from before previews were required' }))
  preview: FulfilmentPlanView | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null: not confirmed (yet)', example: null })
  confirmedAt: Date | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  confirmedBy: string | null;

  @ApiProperty(nullableObject(FulfilmentPlanView, { description: 'The plan carried out; null until confirmed' }))
  result: FulfilmentPlanView | null;

  @ApiProperty(nullableObject(FulfilmentPlanDifference, { description: 'Null without a preview or a result' }))
  difference: FulfilmentPlanDifference | null;
}
