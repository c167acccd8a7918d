import { Module } from '@nestjs/common';

/** the breach register API (GDPR Art. 33/34). */
@Module({})
export class BreachesApiModule {}
