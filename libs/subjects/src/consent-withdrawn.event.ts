import { DomainEvent } from '@regula/platform';

/**
 * A consent's withdrawal was recorded (reported by a source system through
 * ingest, or made in Regula by a consent-withdrawal request), in effect from
 * `effectiveAt`: the instant the withdrawal reached the controller (GDPR
 * Art. 7(3): it acts for the future from then; no promised period delays
 * it). Published in the transaction that writes it; libs/consent applies the
 * withdrawal's effect on the records at once after the commit.
 */
export class ConsentWithdrawn extends DomainEvent<{ tenantId: string; consentId: string; effectiveAt: Date }> {}
