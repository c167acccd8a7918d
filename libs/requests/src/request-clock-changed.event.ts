import { DomainEvent } from '@regula/platform';
import type { RequestType } from './request-types';

/**
 * A rights request was filed, changed state (identity confirmed, extended,
 * completed, refused, withdrawn) or had its clock paused or resumed: its
 * deadlines may have moved. Published by the RequestJournal in the
 * transaction of the change; libs/sla reschedules the request's SLA notices.
 * `type` lets a handler that acts on one kind of request pass the others by
 * without reading them (the consent withdrawal on receipt).
 */
export class RequestClockChanged extends DomainEvent<{ tenantId: string; requestId: string; type: RequestType }> {}
