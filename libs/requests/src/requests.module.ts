import { Module } from '@nestjs/common';

/** rights requests: state machine, deadlines, identity (libs/requests). */
@Module({})
export class RequestsModule {}
