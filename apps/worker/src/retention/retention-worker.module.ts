import { Module } from '@nestjs/common';

/** Processors of the retention queue: sweeps that erase or anonymise due records. */
@Module({})
export class RetentionWorkerModule {}
