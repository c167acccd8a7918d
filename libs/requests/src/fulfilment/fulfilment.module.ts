import { Module } from '@nestjs/common';

/** fulfilment of each right from the registers and the stored data. */
@Module({})
export class FulfilmentModule {}
