import { Injectable } from '@nestjs/common';
import { RegisteredSubscriber } from '@regula/platform';
import { DataSource, EntitySubscriberInterface, InsertEvent } from 'typeorm';
import { WebhookDeliveryEntity } from '@regula/ingest';
import { ConsentEffectsService } from './consent-effects.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every withdrawal made in Regula (the consent-withdrawal fulfilment) tells
 * the systems `consent.withdrawn` through the webhook outbox, in the
 * transaction that records it, with each consent's id and effective time
 * (the documented webhook payload). This subscriber reads that outbox row and
 * adds the consent's `consent-effect` job after the commit: delayed to the
 * effective time, or at once. The fulfilment is not touched; a withdrawal
 * with no system to tell is found by the sweep.
 */
@Injectable()
export class ConsentWebhookSubscriber extends RegisteredSubscriber implements EntitySubscriberInterface<WebhookDeliveryEntity> {
  constructor(dataSource: DataSource, private readonly effects: ConsentEffectsService) {
    super(dataSource);
  }

  listenTo(): typeof WebhookDeliveryEntity {
    return WebhookDeliveryEntity;
  }

  async afterInsert(event: InsertEvent<WebhookDeliveryEntity>): Promise<void> {
    const row = event.entity;
    if (row?.event !== 'consent.withdrawn' || !row.tenantId) return;
    const consents = (row.payload as { consents?: unknown })?.consents;
    if (!Array.isArray(consents)) return;
    for (const c of consents as { consentId?: unknown; effectiveAt?: unknown; applied?: unknown }[]) {
      // `applied` marks this lib's own notice of an effect already applied.
      if (c?.applied === true || typeof c?.consentId !== 'string' || !UUID.test(c.consentId) || typeof c.effectiveAt !== 'string') continue;
      const at = new Date(c.effectiveAt);
      if (Number.isNaN(at.getTime())) continue;
      await this.effects.scheduleAfterCommit(event.manager, row.tenantId, c.consentId, at);
    }
  }
}
