import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PersonalDataRecordEntity } from '../personal-data-record.entity';

/** What a consent withdrawal changes on one record it concerns. */
export interface WithdrawnConsentChange {
  anchors: PersonalDataRecordEntity['anchors'];
  retentionDueAt: Date | null;
  /** Set when the record is not restricted yet; a restricted record keeps its earlier restriction. */
  restrict: { at: Date; reason: string } | null;
}

/**
 * Restriction of processing (GDPR Art. 18, 17(3)): records are marked
 * `restricted_at` with the reason; the data stays (stored only).
 */
@Injectable()
export class RecordRestriction {
  /** Restricts these records of the subject that are not restricted yet (a restricted record keeps its earlier reason). */
  async restrictUnrestricted(em: EntityManager, tenantId: string, subjectId: string, recordIds: string[], at: Date, reason: string): Promise<void> {
    if (!recordIds.length) return;
    await em.query(
      `UPDATE personal_data_records SET restricted_at = $1, restriction_reason = $2, updated_at = now()
       WHERE tenant_id = $3 AND subject_id = $4 AND id = ANY($5::uuid[]) AND restricted_at IS NULL`,
      [at, reason, tenantId, subjectId, recordIds],
    );
  }

  /** A record kept for a legal obligation after an erasure request: restricted since its earlier restriction (or `at`), with this reason. */
  async restrictKept(em: EntityManager, tenantId: string, recordId: string, at: Date, reason: string): Promise<void> {
    await em.query(
      `UPDATE personal_data_records SET restricted_at = COALESCE(restricted_at, $1), restriction_reason = $2, updated_at = now()
       WHERE tenant_id = $3 AND id = $4`,
      [at, reason, tenantId, recordId],
    );
  }

  /** A withdrawn consent's effect on one record: its anchors and due date, and its restriction when it had none. */
  async applyWithdrawnConsent(em: EntityManager, tenantId: string, recordId: string, change: WithdrawnConsentChange): Promise<void> {
    await em.update(
      PersonalDataRecordEntity,
      { tenantId, id: recordId },
      {
        anchors: change.anchors,
        retentionDueAt: change.retentionDueAt,
        ...(change.restrict ? { restrictedAt: change.restrict.at, restrictionReason: change.restrict.reason } : {}),
      },
    );
  }
}
