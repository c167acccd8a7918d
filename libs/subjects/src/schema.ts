import type { LibSchema } from '@regula/platform';
import { DataSubjectEntity } from './data-subject.entity';
import { SubjectIdentifierEntity } from './subject-identifier.entity';
import { PersonalDataRecordEntity } from './personal-data-record.entity';
import { ConsentEntity } from './consent.entity';
import { ProcessingObjectionEntity } from './processing-objection.entity';
import { DisclosureEntity } from './disclosure.entity';
import { SubjectsAndRequests1763800000000 } from './migrations/1763800000000-subjects-and-requests';
import { ConsentWithdrawalsEffectiveAtReceipt1764550000000 } from './migrations/1764550000000-consent-withdrawals-effective-at-receipt';
import { RecordsPackageOrder1764600050002 } from './migrations/1764600050002-records-package-order';
import { ErasedRecordKeys1764600030001 } from './migrations/1764600030001-erased-record-keys';

/** The personal-data store's tables, the migration that created them (with those of ingest, requests and mail: see its comment), and its data migrations. */
export const SUBJECTS_SCHEMA: LibSchema = {
  entities: [DataSubjectEntity, SubjectIdentifierEntity, PersonalDataRecordEntity, ConsentEntity, ProcessingObjectionEntity, DisclosureEntity],
  migrations: [SubjectsAndRequests1763800000000, ConsentWithdrawalsEffectiveAtReceipt1764550000000, ErasedRecordKeys1764600030001, RecordsPackageOrder1764600050002],
};
