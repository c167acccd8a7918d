import { composeSchema } from '@regula/platform';
import { TENANCY_SCHEMA } from '@regula/tenancy';
import { REGISTERS_SCHEMA } from '@regula/registers';
import { AUTH_SCHEMA } from '@regula/auth';
import { AUDIT_SCHEMA } from '@regula/audit';
import { MAIL_SCHEMA } from '@regula/mail';
import { SUBJECTS_SCHEMA } from '@regula/subjects';
import { INGEST_SCHEMA } from '@regula/ingest';
import { REQUESTS_SCHEMA } from '@regula/requests';
import { SLA_SCHEMA } from '@regula/sla';
import { RETENTION_SCHEMA } from '@regula/retention';
import { BREACHES_SCHEMA } from '@regula/breaches';
import { POLICIES_SCHEMA } from '@regula/policies';

/**
 * Every entity and migration of Regula, composed from the libs that own them:
 * what the API and the worker (`DatabaseModule.forRoot`), the CLI and the tests
 * (`openDataSource`) connect with. Migrations run in timestamp order whichever
 * lib holds them; `schema.spec.ts` checks that no lib's entity or migration is
 * missing here.
 */
export const REGULA_SCHEMA = composeSchema(
  TENANCY_SCHEMA, REGISTERS_SCHEMA, AUTH_SCHEMA, AUDIT_SCHEMA, MAIL_SCHEMA, SUBJECTS_SCHEMA, INGEST_SCHEMA,
  REQUESTS_SCHEMA, SLA_SCHEMA, RETENTION_SCHEMA, BREACHES_SCHEMA, POLICIES_SCHEMA,
);
