import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';

/** JSON lines on stdout; the CLI logs to stderr so stdout stays clean for its output. */
export function createLogger(level: Config['logLevel'], destination: 1 | 2 = 1): Logger {
  return pino({ level, base: { service: 'steward' } }, pino.destination(destination));
}
