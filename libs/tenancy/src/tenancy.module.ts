import { Global, Module } from '@nestjs/common';
import { TenantsService } from './tenants.service';

/** The tenant lookup, global: the guards of every app resolve `:slug` through it. */
@Global()
@Module({
  providers: [TenantsService],
  exports: [TenantsService],
})
export class TenancyModule {}
