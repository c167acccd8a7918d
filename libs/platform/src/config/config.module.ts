import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG } from './app-config';

/** Provides the config object an app loaded (and validated) once at boot. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: object): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}
