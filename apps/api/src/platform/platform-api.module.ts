import { Module } from '@nestjs/common';
import { AuthModule } from '@regula/auth';
import { MailModule } from '@regula/mail';
import { PlatformOutboxController } from './platform-outbox.controller';
import { PlatformTenantsController } from './platform-tenants.controller';

/** REST routes of the platform itself (not of a tenant), for platform admins. */
@Module({ imports: [AuthModule, MailModule], controllers: [PlatformOutboxController, PlatformTenantsController] })
export class PlatformApiModule {}
