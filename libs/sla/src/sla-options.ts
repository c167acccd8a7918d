import { APP_CONFIG, CommonConfig } from '@regula/platform';
import { parseReminderDays } from './sla-plan';

/** The SLA settings, read once at boot from the validated config. */
export interface SlaOptions {
  /** `SLA_REMINDER_DAYS`, largest first. */
  reminderDays: number[];
}

export const SLA_OPTIONS = Symbol('SLA_OPTIONS');

export const slaOptionsProvider = {
  provide: SLA_OPTIONS,
  inject: [APP_CONFIG],
  useFactory: (cfg: CommonConfig): SlaOptions => ({ reminderDays: parseReminderDays(cfg.SLA_REMINDER_DAYS ?? '14,7,2,0') }),
};
