import { Injectable } from '@nestjs/common';
import { JobHandlerTable, JobHandlers, QueueName } from '@regula/platform';
import { PolicyAnnouncerService } from './policy-announcer.service';

/** The policy queue's job (hosted by the worker): a material policy change e-mailed to the account holders not yet told. */
@Injectable()
export class PolicyJobHandlers implements JobHandlerTable<QueueName.Policy> {
  constructor(private readonly announcer: PolicyAnnouncerService) {}

  readonly handlers: JobHandlers<QueueName.Policy> = {
    'policy-announce': ({ tenantId, versionId }) => this.announcer.announce(tenantId, versionId),
  };
}
