import { Module } from '@nestjs/common';

/** personal-data store, ingest, webhook outbox (libs/subjects). */
@Module({})
export class SubjectsModule {}
