import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Rectification (GDPR Art. 16): a record's value replaced by the corrected one. */
@Injectable()
export class RecordRectification {
  /** Stores `value` (as JSON) as the record's value; the record must be the subject's. */
  async rectify(em: EntityManager, tenantId: string, subjectId: string, recordId: string, value: unknown): Promise<void> {
    await em.query(
      `UPDATE personal_data_records SET value = $1::jsonb, updated_at = now() WHERE tenant_id = $2 AND subject_id = $3 AND id = $4`,
      [JSON.stringify(value), tenantId, subjectId, recordId],
    );
  }
}
