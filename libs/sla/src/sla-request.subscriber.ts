import { Injectable } from '@nestjs/common';
import { RegisteredSubscriber } from '@regula/platform';
import { DataSource, EntitySubscriberInterface, InsertEvent, UpdateEvent } from 'typeorm';
import { RightsRequestEntity } from '@regula/requests/rights-request.entity';
import { SlaScheduler } from './sla-scheduler.service';

/** Changes of a request that move its SLA plan. */
const WATCHED = new Set(['state', 'dueAt', 'firstDueAt', 'extendedAt', 'closedAt']);

/**
 * The hook into the requests core, without touching it: a TypeORM
 * subscriber on `rights_requests`. A filed request (insert), or a change of
 * its state or due dates (a resume, an extension, an identity confirmed, a
 * closing), has its SLA notices (re)scheduled once the transaction commits
 * (AfterCommit): a rollback schedules nothing.
 */
@Injectable()
export class SlaRequestSubscriber extends RegisteredSubscriber implements EntitySubscriberInterface<RightsRequestEntity> {
  constructor(dataSource: DataSource, private readonly scheduler: SlaScheduler) {
    super(dataSource);
  }

  listenTo(): typeof RightsRequestEntity {
    return RightsRequestEntity;
  }

  async afterInsert(event: InsertEvent<RightsRequestEntity>): Promise<void> {
    const r = event.entity;
    if (r?.id && r.tenantId) await this.scheduler.rescheduleAfterCommit(event.manager, r.tenantId, r.id);
  }

  async afterUpdate(event: UpdateEvent<RightsRequestEntity>): Promise<void> {
    if (!event.updatedColumns.some((c) => WATCHED.has(c.propertyName))) return;
    const r = { ...(event.databaseEntity ?? {}), ...(event.entity ?? {}) } as Partial<RightsRequestEntity>;
    if (r.id && r.tenantId) await this.scheduler.rescheduleAfterCommit(event.manager, r.tenantId, r.id);
  }
}
