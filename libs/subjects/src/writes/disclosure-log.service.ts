import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Data Regula itself handed over: the recipient, the categories, and the key that makes recording it idempotent. */
export interface HandOver {
  subjectId: string;
  registerKey: string;
  recipientId: string;
  recipientName: string;
  categories: string[];
  disclosedAt: Date;
  /** Unique per hand-over (with `via` 'regula'): recording it twice stores one row. */
  externalId: string;
  legalBasis: string | null;
}

/** Disclosures (GDPR Art. 15(1)(c), 30(1)(d)) Regula made itself, beside those the source systems report through ingest. */
@Injectable()
export class DisclosureLog {
  async recordHandOver(em: EntityManager, tenantId: string, h: HandOver): Promise<void> {
    await em.query(
      `INSERT INTO disclosures (tenant_id, subject_id, register_key, recipient_id, recipient_name, categories, disclosed_at, via, external_id, legal_basis)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'regula', $8, $9)
       ON CONFLICT (tenant_id, via, external_id) WHERE external_id IS NOT NULL DO NOTHING`,
      [tenantId, h.subjectId, h.registerKey, h.recipientId, h.recipientName, h.categories, h.disclosedAt, h.externalId, h.legalBasis],
    );
  }
}
