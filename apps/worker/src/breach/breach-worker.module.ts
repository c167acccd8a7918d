import { Module } from '@nestjs/common';
import { BreachesModule } from '@regula/breaches';
import { BreachProcessor } from './breach.processor';

/** Processors of the breach queue: the 72-hour notification clock. */
@Module({ imports: [BreachesModule], providers: [BreachProcessor] })
export class BreachWorkerModule {}
