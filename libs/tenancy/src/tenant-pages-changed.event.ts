import { DomainEvent } from '@regula/platform';

/**
 * Something a tenant's public pages show changed: its definition (a sync), a
 * fact a person confirmed, a register (the consent purposes of the withdrawal
 * form), a published policy version. Published in the transaction of the
 * change by the lib that makes it; the API's public page cache handles it
 * (a new generation of the tenant's pages, on every node), and so does the
 * command line (apps/cli/src/page-generations.ts) for the changes it makes.
 */
export class TenantPagesChanged extends DomainEvent<{ tenantId: string }> {}
