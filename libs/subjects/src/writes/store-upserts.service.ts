import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainEvents } from '@regula/platform';
import { DataSubjectEntity } from '../data-subject.entity';
import { SubjectIdentifierEntity } from '../subject-identifier.entity';
import { PersonalDataRecordEntity } from '../personal-data-record.entity';
import { ConsentEntity } from '../consent.entity';
import { DisclosureEntity } from '../disclosure.entity';
import { ConsentWithdrawn } from '../consent-withdrawn.event';

/** Rows per INSERT statement (keeps the bind parameters well under Postgres' limit). */
const CHUNK = 500;

type SubjectChanges = Partial<Pick<DataSubjectEntity, 'displayName' | 'locale'>>;
type RecordFields = Pick<PersonalDataRecordEntity, 'subjectId' | 'registerKey' | 'categoryId' | 'value' | 'collectedAt' | 'anchors' | 'retentionDueAt'>;
type ConsentFields = Pick<ConsentEntity, 'subjectId' | 'registerKey' | 'purposeId' | 'givenAt' | 'channel' | 'policyVersion' | 'withdrawnAt' | 'withdrawalEffectiveAt'>;
type DisclosureFields = Pick<DisclosureEntity, 'subjectId' | 'registerKey' | 'recipientId' | 'recipientName' | 'categories' | 'disclosedAt'>;
/** A consent's withdrawal as stored before an update. */
type StoredWithdrawal = Pick<ConsentEntity, 'withdrawnAt' | 'withdrawalEffectiveAt'>;

const time = (d: Date | null | undefined): number | null => (d ? new Date(d).getTime() : null);

/**
 * The store's rows as a source system reports them (libs/ingest decides what
 * is new, changed or unchanged; this lib writes). Each method runs in the
 * caller's transaction. A consent written with a withdrawal, or whose
 * withdrawal moved, publishes ConsentWithdrawn (libs/consent schedules its
 * effect after the commit).
 */
@Injectable()
export class StoreUpserts {
  insertSubjects(em: EntityManager, rows: Partial<DataSubjectEntity>[]): Promise<void> {
    return insertChunked(em, DataSubjectEntity, rows);
  }

  async updateSubject(em: EntityManager, tenantId: string, id: string, changes: SubjectChanges): Promise<void> {
    await em.update(DataSubjectEntity, { tenantId, id }, changes);
  }

  insertIdentifiers(em: EntityManager, rows: Partial<SubjectIdentifierEntity>[]): Promise<void> {
    return insertChunked(em, SubjectIdentifierEntity, rows);
  }

  insertRecords(em: EntityManager, rows: Partial<PersonalDataRecordEntity>[]): Promise<void> {
    return insertChunked(em, PersonalDataRecordEntity, rows);
  }

  async updateRecord(em: EntityManager, tenantId: string, id: string, fields: RecordFields): Promise<void> {
    await em.update(PersonalDataRecordEntity, { tenantId, id }, fields as Partial<PersonalDataRecordEntity> as never);
  }

  /** New consents (each with its `id` and `tenantId` set); the withdrawn ones publish ConsentWithdrawn. */
  async insertConsents(em: EntityManager, rows: (Partial<ConsentEntity> & { id: string; tenantId: string })[]): Promise<void> {
    await insertChunked(em, ConsentEntity, rows);
    for (const c of rows) {
      if (c.withdrawnAt) await withdrawn(em, c.tenantId, c.id, c.withdrawalEffectiveAt ?? c.withdrawnAt);
    }
  }

  /** A reported change of a consent; a withdrawal recorded or moved by it publishes ConsentWithdrawn. */
  async updateConsent(em: EntityManager, tenantId: string, id: string, before: StoredWithdrawal, fields: ConsentFields): Promise<void> {
    await em.update(ConsentEntity, { tenantId, id }, fields);
    const moved = time(before.withdrawnAt) !== time(fields.withdrawnAt) || time(before.withdrawalEffectiveAt) !== time(fields.withdrawalEffectiveAt);
    if (fields.withdrawnAt && moved) await withdrawn(em, tenantId, id, fields.withdrawalEffectiveAt ?? fields.withdrawnAt);
  }

  insertDisclosures(em: EntityManager, rows: Partial<DisclosureEntity>[]): Promise<void> {
    return insertChunked(em, DisclosureEntity, rows);
  }

  async updateDisclosure(em: EntityManager, tenantId: string, id: string, fields: DisclosureFields): Promise<void> {
    await em.update(DisclosureEntity, { tenantId, id }, fields);
  }
}

async function insertChunked<E extends object>(em: EntityManager, entity: new () => E, rows: Partial<E>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await em.insert(entity, rows.slice(i, i + CHUNK) as never);
}

function withdrawn(em: EntityManager, tenantId: string, consentId: string, effectiveAt: Date): Promise<void> {
  return DomainEvents.publish(em, new ConsentWithdrawn({ tenantId, consentId, effectiveAt }));
}
