import { Module } from '@nestjs/common';
import { PolicyVersionsModule } from '@regula/policies';
import { PoliciesController } from './policies.controller';

/** The privacy-policy versions API. */
@Module({ imports: [PolicyVersionsModule], controllers: [PoliciesController] })
export class PoliciesApiModule {}
