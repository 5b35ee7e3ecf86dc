/**
 * Console patching as aws-lambda-ric 4.x does it in its default text format
 * (`src/logging/log-patch.ts`, `stdout-logger.ts`, `formatter.ts`): the same line as 3.3.0,
 * `<ISO time>\t<request id>\t<LEVEL>\t<message>` with `\n` turned into `\r`, but the request id
 * comes from the invoke store, which answers `-` outside invocations (3.3.0: `undefined`), and
 * `console.fatal` is filtered by `AWS_LAMBDA_LOG_LEVEL` like the other levels.
 *
 * Not emulated, as in the 3.3.0 mode: the JSON format and the telemetry log fd.
 */
import { format } from 'node:util';
import type { InvokeStoreBase } from '@aws/lambda-invoke-store';
import { toFormatted } from '../errors.js';
import { intoError } from './errors.js';

type LogMethod = (message?: unknown, ...params: unknown[]) => void;

const LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'] as const;
type LevelName = (typeof LEVELS)[number];

/** 4.x `determineLogLevel`: case-insensitive, unknown or unset → TRACE. */
function thresholdPriority(): number {
  const requested = process.env.AWS_LAMBDA_LOG_LEVEL?.toUpperCase() ?? '';
  return Math.max(0, LEVELS.indexOf(requested as LevelName));
}

/**
 * Replaces `console.trace/debug/info/log/warn/error/fatal` with the 4.x text logger.
 *
 * @param store - The invoke store whose request id prefixes each line.
 * @example
 * ```ts
 * patchConsole(await InvokeStore.getInstanceAsync());
 * console.log('init'); // 2026-01-01T00:00:00.000Z\t-\tINFO\tinit
 * ```
 */
export function patchConsole(store: InvokeStoreBase): void {
  const threshold = thresholdPriority();
  const method = (level: LevelName): LogMethod => {
    if (LEVELS.indexOf(level) < threshold) return () => {};
    return (message, ...params) => {
      const time = new Date().toISOString();
      const line = [time, store.getRequestId(), level, format(message, ...params)].join('\t');
      process.stdout.write(`${line.replace(/\n/g, '\r')}\n`);
    };
  };
  const target = console as unknown as Record<string, LogMethod>;
  target.trace = method('TRACE');
  target.debug = method('DEBUG');
  target.info = method('INFO');
  target.warn = method('WARN');
  target.error = method('ERROR');
  target.fatal = method('FATAL');
  target.log = target.info;
}

/**
 * Logs an error as 4.x `structuredConsole.logError` (text mode): `ERROR\t<message> \t{...}`.
 *
 * @param message - `Invoke Error` or `Init Error`.
 * @param error - What was thrown.
 * @example
 * ```ts
 * logError('Init Error', error);
 * ```
 */
export function logError(message: string, error: unknown): void {
  console.error(message, toFormatted(intoError(error), 'nodejs24.x'));
}
