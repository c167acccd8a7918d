import { Module } from '@nestjs/common';

/** the admin's fulfilment actions and package downloads. */
@Module({})
export class FulfilmentApiModule {}
