import { Module } from '@nestjs/common';
import { AuthModule } from '@regula/auth';
import { MailModule } from '@regula/mail';
import { OnboardingModule } from '@regula/onboarding';
import { PlatformOutboxController } from './platform-outbox.controller';
import { PlatformTenantsController } from './platform-tenants.controller';
import { PlatformTenantCreationController } from './platform-tenant-creation.controller';

/** REST routes of the platform itself (not of a tenant), for platform admins. */
@Module({ imports: [AuthModule, MailModule, OnboardingModule], controllers: [PlatformOutboxController, PlatformTenantCreationController, PlatformTenantsController] })
export class PlatformApiModule {}
