import { Module } from '@nestjs/common';
import { PolicyVersionsModule } from '@regula/policies';
import { PolicyProcessor } from './policy.processor';

/** Processors of the policy queue: material-change e-mails to account holders. */
@Module({ imports: [PolicyVersionsModule], providers: [PolicyProcessor] })
export class PolicyWorkerModule {}
