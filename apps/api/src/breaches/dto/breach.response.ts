import { ApiProperty } from '@nestjs/swagger';
import { BREACH_CLOCK_KINDS, BREACH_RISKS, BreachRisk, BreachStatus, SUBJECTS_EXEMPTIONS, SubjectsExemption } from '@regula/breaches';

export const BREACH_STATUSES: BreachStatus[] = ['open', 'subjects-pending', 'notified', 'documented', 'closed'];

// A nullable enum lists null among its values, or a validator of the document refuses the null it allows.
const orNull = <T>(values: readonly T[]): (T | null)[] => [...values, null];

/** The 72-hour clock of a breach (GDPR Art. 33(1)). */
export class BreachClockResponse {
  @ApiProperty({ type: String, format: 'date-time', description: 'awareAt + 72 hours', example: '2026-11-23T08:30:00.000Z' }) deadlineAt: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Whole hours left (negative once passed); null once the authority was notified', example: 41 }) hoursLeft: number | null;
  @ApiProperty({ description: 'The deadline passed without a notification (a no-risk breach is never overdue)', example: false }) overdue: boolean;
  @ApiProperty({ description: 'The authority was notified after the deadline', example: false }) notifiedLate: boolean;
  @ApiProperty({ enum: BREACH_CLOCK_KINDS, isArray: true, description: 'The reminders already e-mailed', example: ['reminder-48h'] }) remindersSent: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) deadlinePassedAt: string | null;
  @ApiProperty({ type: [String], description: 'How the deadline was computed, step by step', example: ['Aware at 2026-11-20 10:30 (Europe/Tallinn).', '72 hours later: 2026-11-23 10:30 (Europe/Tallinn).'] })
  explanation: string[];
}

/** A breach of the register, all it documents (Art. 33(5)) and its clock. */
export class BreachResponse {
  @ApiProperty({ format: 'uuid', example: '6a0f4f7e-2b1c-4d3e-9f8a-7b6c5d4e3f2a' }) id: string;
  @ApiProperty({ description: "The breach's reference in the register", example: 'BR-7KQ2-XM4P' }) reference: string;
  @ApiProperty({ example: 'Lost laptop with the CRM export' }) title: string;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-20T08:30:00.000Z' }) awareAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-11-19T18:00:00.000Z' }) occurredAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-23T08:30:00.000Z' }) deadlineAt: string;
  @ApiProperty({ example: 'A laptop holding an unencrypted export of customer contacts was stolen from a car.' }) nature: string;
  @ApiProperty({ type: [String], example: ['contact details'] }) dataCategories: string[];
  @ApiProperty({ type: [String], example: ['customers'] }) subjectCategories: string[];
  @ApiProperty({ type: 'integer', nullable: true, example: 1200 }) approxSubjects: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 1500 }) approxRecords: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'Phishing attempts against the customers concerned.' }) likelyConsequences: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Remote wipe requested; customers warned by e-mail.' }) measures: string | null;
  @ApiProperty({ description: "The DPO's or contact point's name and contact details (Art. 33(3)(b))", example: 'Data protection officer, dpo@medical-management.example' }) dpoContact: string;
  @ApiProperty({ enum: orNull(BREACH_RISKS), nullable: true, description: 'null: not yet assessed', example: 'risk' }) risk: BreachRisk | null;
  @ApiProperty({ type: String, nullable: true, example: 'Contact details only, no health data; phishing risk.' }) riskReasoning: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) authorityNotifiedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The authority's case number", example: null }) authorityReference: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) subjectsNotifiedAt: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) subjectsNotificationMethod: string | null;
  @ApiProperty({ enum: orNull(SUBJECTS_EXEMPTIONS), nullable: true, description: 'The Art. 34(3) exemption recorded instead of telling the subjects', example: null }) subjectsExemption: SubjectsExemption | null;
  @ApiProperty({ type: String, nullable: true, example: null }) subjectsExemptionReasoning: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the authority was notified after 72 hours', example: null }) delayReasons: string | null;
  @ApiProperty({ enum: BREACH_STATUSES, example: 'open' }) status: BreachStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) closedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the worker saw the 72 hours end without a notification', example: null }) deadlinePassedAt: string | null;
  @ApiProperty({ description: 'Who recorded it', example: 'compliance@medical-management.example (compliance-admin)' }) createdBy: string;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-20T09:02:11.000Z' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-20T09:02:11.000Z' }) updatedAt: string;
  @ApiProperty({ type: () => BreachClockResponse }) clock: BreachClockResponse;
}

/** A page of the register. */
export class BreachListResponse {
  @ApiProperty({ type: () => [BreachResponse] }) items: BreachResponse[];
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Breaches matching the filter, all pages', example: 1 }) total: number;
}
