import { DomainEvent } from '@regula/platform';

/**
 * A consent's withdrawal was recorded (reported by a source system through
 * ingest, or made in Regula by a consent-withdrawal request), taking effect
 * at `effectiveAt`. Published in the transaction that writes it;
 * libs/consent schedules the withdrawal's effect for that time.
 */
export class ConsentWithdrawn extends DomainEvent<{ tenantId: string; consentId: string; effectiveAt: Date }> {}
