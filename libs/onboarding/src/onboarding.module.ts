import { Module } from '@nestjs/common';
import { AuthModule } from '@regula/auth';
import { TenantOnboarding } from './tenant-onboarding.service';
import { ControllerFacts } from './controller-facts.service';

/** Creating controllers and editing their facts (the API only: the worker has no use for it). */
@Module({ imports: [AuthModule], providers: [TenantOnboarding, ControllerFacts], exports: [TenantOnboarding, ControllerFacts] })
export class OnboardingModule {}
