import { Module } from '@nestjs/common';
import { ConsentModule } from '@regula/consent';
import { ConsentProcessor } from './consent.processor';

/** Processors of the consent queue: delayed consent-withdrawal effects. */
@Module({ imports: [ConsentModule], providers: [ConsentProcessor] })
export class ConsentWorkerModule {}
