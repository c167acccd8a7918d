import { Module } from '@nestjs/common';

/** the ingest API for tenants' systems. */
@Module({})
export class IngestApiModule {}
