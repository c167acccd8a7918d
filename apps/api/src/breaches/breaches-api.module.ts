import { Module } from '@nestjs/common';
import { BreachesModule } from '@regula/breaches';
import { BreachesController } from './breaches.controller';

/** the breach register API (GDPR Art. 33/34). */
@Module({ imports: [BreachesModule], controllers: [BreachesController] })
export class BreachesApiModule {}
