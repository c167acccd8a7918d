import type { LogLevel } from '@nestjs/common';
import type { CommonConfig } from './app-config';

/** Most to least severe: LOG_LEVEL names the least severe level still shown. */
const ORDER: readonly LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * The Nest logger levels LOG_LEVEL asks for (the API and the worker). The default
 * `warn` keeps the framework's start-up chatter (module init, one line per mapped
 * route) and routine sweep summaries out of the console; `log` shows them again.
 */
export function nestLogLevels(level: CommonConfig['LOG_LEVEL']): LogLevel[] {
  return ORDER.slice(0, ORDER.indexOf(level) + 1);
}
