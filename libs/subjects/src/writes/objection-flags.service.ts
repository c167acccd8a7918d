import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ObjectionKind } from '../processing-objection.entity';

/** One flag processing honours: a register (null: every register) and a purpose (null: every purpose of it). */
export interface ObjectionFlag {
  subjectId: string;
  kind: ObjectionKind;
  registerKey: string | null;
  purposeId: string | null;
  /** The rights request it came from. */
  requestId: string;
  effectiveAt: Date;
}

/** Objections and restrictions as flags (`processing_objections`; GDPR Art. 18, 21, 22). */
@Injectable()
export class ObjectionFlags {
  async flag(em: EntityManager, tenantId: string, flag: ObjectionFlag): Promise<void> {
    await em.query(
      `INSERT INTO processing_objections (tenant_id, subject_id, kind, register_key, purpose_id, request_id, effective_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [tenantId, flag.subjectId, flag.kind, flag.registerKey, flag.purposeId, flag.requestId, flag.effectiveAt],
    );
  }
}
