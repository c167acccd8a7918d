import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DomainEvents, TenantDb } from '@regula/platform';
import { RequestClockChanged } from '../request-clock-changed.event';
import { RequestEventEntity } from '../request-event.entity';
import { RightsRequestEntity } from '../rights-request.entity';
import { FulfilmentService } from './fulfilment.service';
import type { FulfilmentActor } from './fulfilment.types';

/** Who carries out a withdrawal on receipt, for the audit log and the timeline. */
export const ON_RECEIPT: FulfilmentActor = { id: null, name: 'system (consent withdrawal on receipt, GDPR Art. 7(3))', label: 'system' };

/**
 * A consent withdrawal takes effect when it reaches the controller (GDPR Art.
 * 7(3): withdrawing is as easy as giving consent, and acts for the future).
 * So once Regula knows whose consents they are (identity established and the
 * request matched to a data subject), it carries the withdrawal out itself,
 * through the same preview and confirmation an admin would use: the preview
 * and the result are kept on the request, the source systems are told, the
 * subject is answered. A request Regula cannot match (no subject, identity
 * still awaited) waits for an admin, with the controller's promised limit on
 * the dashboard. Nothing else is done on receipt: every other right changes
 * or discloses data and waits for an admin's confirmed preview.
 *
 * Runs on RequestClockChanged (a state change such as identity confirmed),
 * after the commit, once at a time per request in this process; a request
 * already fulfilled is left alone, and a failure is logged and leaves the
 * request to the admin (the fulfilment's own lock and state check keep two
 * processes from carrying it out twice).
 */
@Injectable()
export class WithdrawalOnReceipt implements OnModuleInit {
  private readonly log = new Logger('withdrawal-on-receipt');
  /** One change can publish several events for a request (received and identity confirmed together): one run each. */
  private readonly running = new Map<string, Promise<boolean>>();

  constructor(private readonly events: DomainEvents, private readonly db: TenantDb, private readonly fulfilment: FulfilmentService) {}

  onModuleInit(): void {
    // Only consent withdrawals are carried out on receipt: the others are passed by unread.
    this.events.on(RequestClockChanged, ({ tenantId, requestId, type }) => (type === 'consent-withdrawal' ? this.consider(tenantId, requestId) : Promise.resolve(false)));
  }

  /** Carries out the withdrawal when it is due; returns whether it did. */
  consider(tenantId: string, requestId: string): Promise<boolean> {
    // Not awaited: the run itself publishes an event for this request (completed) and waits for its delivery.
    if (this.running.has(requestId)) return Promise.resolve(false);
    const run = this.carryOut(tenantId, requestId).finally(() => this.running.delete(requestId));
    this.running.set(requestId, run);
    return run;
  }

  private async carryOut(tenantId: string, requestId: string): Promise<boolean> {
    const reference = await this.db.forTenant(tenantId, async (em) => {
      const req = await em.findOne(RightsRequestEntity, { where: { tenantId, id: requestId } });
      if (!req || req.type !== 'consent-withdrawal' || req.state !== 'in-progress' || !req.subjectId || !req.identityVerifiedAt) return null;
      const done = await em.count(RequestEventEntity, { where: { tenantId, requestId, kind: 'fulfilment' } });
      return done ? null : req.reference;
    });
    if (!reference) return false;
    try {
      const preview = await this.fulfilment.preview(tenantId, reference, {}, ON_RECEIPT);
      await this.fulfilment.fulfil(tenantId, reference, ON_RECEIPT, preview.id);
      return true;
    } catch (e) {
      this.log.error(`consent withdrawal ${reference} left to an admin: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
  }
}
