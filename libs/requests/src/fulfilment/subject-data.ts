import type { ConsentEntity, DisclosureEntity, PersonalDataRecordEntity, ProcessingObjectionEntity, SubjectIdentifierEntity } from '@regula/subjects';

/** What Regula holds about one data subject: the input of every fulfilment. */

export type RecordView = Pick<
  PersonalDataRecordEntity,
  | 'id' | 'subjectId' | 'sourceSystemId' | 'externalId' | 'registerKey' | 'categoryId' | 'value' | 'collectedAt'
  | 'anchors' | 'retentionDueAt' | 'restrictedAt' | 'restrictionReason' | 'legalHold' | 'erasedAt'
>;
export type ConsentView = Pick<
  ConsentEntity,
  'id' | 'sourceSystemId' | 'externalId' | 'registerKey' | 'purposeId' | 'givenAt' | 'channel' | 'policyVersion' | 'withdrawnAt' | 'withdrawalEffectiveAt'
>;
export type ObjectionView = Pick<ProcessingObjectionEntity, 'id' | 'kind' | 'registerKey' | 'purposeId' | 'effectiveAt' | 'liftedAt'>;
export type DisclosureView = Pick<DisclosureEntity, 'id' | 'registerKey' | 'recipientId' | 'recipientName' | 'categories' | 'disclosedAt' | 'via' | 'legalBasis'>;
export type IdentifierView = Pick<SubjectIdentifierEntity, 'kind' | 'value'>;

export interface SubjectData {
  subject: { id: string; displayName: string | null; locale: string | null; erasedAt: Date | null };
  identifiers: IdentifierView[];
  records: RecordView[];
  consents: ConsentView[];
  objections: ObjectionView[];
  disclosures: DisclosureView[];
  /** Staff's internal notes on this subject's requests (personal data about the requester, Art. 15). */
  requestNotes?: { reference: string; at: Date; text: string }[];
  /** Source-system names by id (for the package: where a record was reported from). */
  sourceSystems: Record<string, string>;
}
