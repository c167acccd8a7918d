import { Injectable } from '@nestjs/common';
import { RegisteredSubscriber } from '@regula/platform';
import { DataSource, EntitySubscriberInterface, InsertEvent, UpdateEvent } from 'typeorm';
import { ConsentEntity } from '@regula/subjects/consent.entity';
import { ConsentEffectsService } from './consent-effects.service';

/**
 * The hook into the subjects core, without touching it: a consent written
 * through TypeORM with a withdrawal (ingest inserts; saves of the entity)
 * gets its `consent-effect` job once the transaction commits: delayed to the
 * effective time, or run at once when the withdrawal is effective now.
 * Writes this cannot see (raw SQL, updates without the id) are found by the
 * consent sweep within five minutes.
 */
@Injectable()
export class ConsentWithdrawalSubscriber extends RegisteredSubscriber implements EntitySubscriberInterface<ConsentEntity> {
  constructor(dataSource: DataSource, private readonly effects: ConsentEffectsService) {
    super(dataSource);
  }

  listenTo(): typeof ConsentEntity {
    return ConsentEntity;
  }

  afterInsert(event: InsertEvent<ConsentEntity>): Promise<void> {
    return this.touch(event.manager, event.entity);
  }

  afterUpdate(event: UpdateEvent<ConsentEntity>): Promise<void> {
    return this.touch(event.manager, { ...(event.databaseEntity ?? {}), ...(event.entity ?? {}) } as Partial<ConsentEntity>);
  }

  private async touch(em: InsertEvent<ConsentEntity>['manager'], c: Partial<ConsentEntity> | undefined): Promise<void> {
    if (!c?.id || !c.tenantId || !c.withdrawnAt) return;
    const at = new Date(c.withdrawalEffectiveAt ?? c.withdrawnAt);
    await this.effects.scheduleAfterCommit(em, c.tenantId, c.id, at);
  }
}
