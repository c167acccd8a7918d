import { EntityManager } from 'typeorm';
import { AuditService } from './audit.service';

/** The audit action of reading personal data (GDPR Art. 5(2), 32(1)(b): who saw whose data is part of the record). */
export const PERSONAL_DATA_READ = 'personal-data.read';

/** Who reads: a signed-in staff member (libs/requests' RequestActor has this shape). */
export interface PersonalDataReader {
  userId: string | null;
  label: string;
  /** "admin@x (compliance-admin)". */
  auditLabel?: string;
  ip?: string;
}

export interface PersonalDataRead {
  tenantId: string;
  reader: PersonalDataReader;
  /** What was read: 'outbox', 'outbox-email', 'request', 'identity-document'. */
  what: string;
  targetType: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

/**
 * One audit entry per view (a page of a list, one detail), never per row:
 * reading stays cheap and the log says who looked at what. Written in the
 * transaction of the read.
 */
export function recordPersonalDataRead(audit: AuditService, em: EntityManager, read: PersonalDataRead): Promise<unknown> {
  return audit.append(em, {
    tenantId: read.tenantId,
    actorId: read.reader.userId,
    actor: read.reader.auditLabel ?? read.reader.label,
    action: PERSONAL_DATA_READ,
    targetType: read.targetType,
    targetId: read.targetId,
    details: { what: read.what, ...(read.details ?? {}) },
    ip: read.reader.ip,
  });
}
