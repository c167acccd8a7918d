import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG } from './app-config';
import { CLOCK, Clock, systemClock } from '../time/clock';

/**
 * Provides the config object an app loaded (and validated) once at boot, and
 * the CLOCK (the system clock; a test overrides it to step time).
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: object, clock: Clock = systemClock): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }, { provide: CLOCK, useValue: clock }], exports: [APP_CONFIG, CLOCK] };
  }
}
