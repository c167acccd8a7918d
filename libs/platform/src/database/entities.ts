import { TenantEntity } from '@regula/registers/tenant.entity';
import { RegisterEntity } from '@regula/registers/register.entity';
import { RegisterVersionEntity } from '@regula/registers/register-version.entity';
import { FactConfirmationEntity } from '@regula/registers/confirmations/fact-confirmation.entity';
import { UserEntity } from '@regula/auth/user.entity';
import { MembershipEntity } from '@regula/auth/membership.entity';
import { AuditEntryEntity } from '@regula/audit/audit-entry.entity';
import { AuditCheckpointEntity } from '@regula/audit/audit-checkpoint.entity';
import { SourceSystemEntity } from '@regula/subjects/source-system.entity';
import { DataSubjectEntity } from '@regula/subjects/data-subject.entity';
import { SubjectIdentifierEntity } from '@regula/subjects/subject-identifier.entity';
import { PersonalDataRecordEntity } from '@regula/subjects/personal-data-record.entity';
import { ConsentEntity } from '@regula/subjects/consent.entity';
import { ProcessingObjectionEntity } from '@regula/subjects/processing-objection.entity';
import { DisclosureEntity } from '@regula/subjects/disclosure.entity';
import { WebhookDeliveryEntity } from '@regula/subjects/webhook-delivery.entity';
import { RightsRequestEntity } from '@regula/requests/rights-request.entity';
import { RequestEventEntity } from '@regula/requests/request-event.entity';
import { RequestSuspensionEntity } from '@regula/requests/request-suspension.entity';
import { IdentityEvidenceEntity } from '@regula/requests/identity-evidence.entity';
import { OutboxEmailEntity } from '@regula/mail/outbox-email.entity';
import { RequestArtifactEntity } from '@regula/requests/fulfilment/request-artifact.entity';
import { SlaNoticeEntity } from '@regula/sla/sla-notice.entity';
import { RetentionRunEntity } from '@regula/retention/retention-run.entity';
import { RetentionRunCountEntity } from '@regula/retention/retention-run-count.entity';
import { RetentionRegisterStateEntity } from '@regula/retention/retention-register-state.entity';
import { BreachEntity } from '@regula/breaches/breach.entity';
import { PolicyVersionEntity } from '@regula/policies/versions/policy-version.entity';
import { PolicyAnnouncementEntity } from '@regula/policies/versions/policy-announcement.entity';

/** Every entity, for the data sources (entity files import only TypeORM and types). */
export const ENTITIES = [
  TenantEntity, RegisterEntity, RegisterVersionEntity, FactConfirmationEntity, UserEntity, MembershipEntity, AuditEntryEntity, AuditCheckpointEntity,
  SourceSystemEntity, DataSubjectEntity, SubjectIdentifierEntity, PersonalDataRecordEntity, ConsentEntity,
  ProcessingObjectionEntity, DisclosureEntity, WebhookDeliveryEntity,
  RightsRequestEntity, RequestEventEntity, RequestSuspensionEntity, IdentityEvidenceEntity, OutboxEmailEntity,
  RequestArtifactEntity,
  SlaNoticeEntity,
  RetentionRunEntity, RetentionRunCountEntity, RetentionRegisterStateEntity,
  BreachEntity,
  PolicyVersionEntity, PolicyAnnouncementEntity,
];
