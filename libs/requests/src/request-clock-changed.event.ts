import { DomainEvent } from '@regula/platform';

/**
 * A rights request was filed, changed state (identity confirmed, extended,
 * completed, refused, withdrawn) or had its clock paused or resumed: its
 * deadlines may have moved. Published by the RequestJournal in the
 * transaction of the change; libs/sla reschedules the request's SLA notices.
 */
export class RequestClockChanged extends DomainEvent<{ tenantId: string; requestId: string }> {}
