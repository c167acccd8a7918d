import { InitialSchema1763700000000 } from './migrations/1763700000000-initial-schema';
import { SubjectsAndRequests1763800000000 } from './migrations/1763800000000-subjects-and-requests';
import { RequestIdentityAndFees1763910000000 } from './migrations/1763910000000-request-identity-and-fees';
import { RequestArtifacts1763940000000 } from './migrations/1763940000000-request-artifacts';
import { Sla1763970000001 } from './migrations/1763970000001-sla';
import { RetentionRuns1763960000010 } from './migrations/1763960000010-retention-runs';
import { Breaches1763980000050 } from '@regula/breaches/migrations/1763980000050-breaches';
import { PolicyVersions1764100000000 } from '@regula/policies/migrations/1764100000000-policy-versions';
import { RequestReplies1764200000000 } from '@regula/requests/migrations/1764200000000-request-replies';
import { SignInRevocation1764260000000 } from '@regula/auth/migrations/1764260000000-sign-in-revocation';
import { PolicyChangeSummaries1764300000000 } from '@regula/policies/migrations/1764300000000-policy-change-summaries';
import { FactConfirmations1764320000000 } from '@regula/registers/migrations/1764320000000-fact-confirmations';
import { AuditKeys1764400000000 } from '@regula/audit/migrations/1764400000000-audit-keys';
import { OutboxSecrets1764400000000 } from '@regula/mail/migrations/1764400000000-outbox-secrets';
import { RequestLinkTokens1764400000001 } from '@regula/requests/migrations/1764400000001-request-link-tokens';
import { PlatformEmails1764410000000 } from '@regula/mail/migrations/1764410000000-platform-emails';

/** Migrations in order. Never `synchronize`. */
export const MIGRATIONS = [InitialSchema1763700000000, SubjectsAndRequests1763800000000, RequestIdentityAndFees1763910000000, RequestArtifacts1763940000000, Sla1763970000001, RetentionRuns1763960000010, Breaches1763980000050, PolicyVersions1764100000000, RequestReplies1764200000000, SignInRevocation1764260000000, PolicyChangeSummaries1764300000000, FactConfirmations1764320000000, AuditKeys1764400000000, OutboxSecrets1764400000000, RequestLinkTokens1764400000001, PlatformEmails1764410000000];
