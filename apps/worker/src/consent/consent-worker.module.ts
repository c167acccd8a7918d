import { Module } from '@nestjs/common';

/** Processors of the consent queue: delayed consent-withdrawal effects. */
@Module({})
export class ConsentWorkerModule {}
