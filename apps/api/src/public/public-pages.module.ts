import { Module } from '@nestjs/common';

/** tenant-branded public pages under /t/:tenant/. */
@Module({})
export class PublicPagesModule {}
