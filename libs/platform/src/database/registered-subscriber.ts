import { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource, EntitySubscriberInterface } from 'typeorm';

/**
 * A TypeORM subscriber that is a Nest provider: it adds itself to the data
 * source's subscribers when its module starts and removes itself when it
 * stops (several apps may share a process in tests). Subclasses implement the
 * EntitySubscriberInterface hooks they need.
 */
export abstract class RegisteredSubscriber implements OnModuleInit, OnModuleDestroy {
  protected constructor(protected readonly dataSource: DataSource) {}

  private get self(): EntitySubscriberInterface {
    return this as unknown as EntitySubscriberInterface;
  }

  onModuleInit(): void {
    if (!this.dataSource.subscribers.includes(this.self)) this.dataSource.subscribers.push(this.self);
  }

  onModuleDestroy(): void {
    const i = this.dataSource.subscribers.indexOf(this.self);
    if (i >= 0) this.dataSource.subscribers.splice(i, 1);
  }
}
