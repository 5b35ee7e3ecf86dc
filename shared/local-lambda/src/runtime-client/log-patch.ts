/**
 * Console patching as the managed runtime does it in its default text format (RIC
 * `src/LogPatch.js`): every `console` method writes one line to stdout,
 * `<ISO time>\t<request id>\t<LEVEL>\t<message>`, with newlines inside the message turned into
 * `\r` so that one call stays one log event. `AWS_LAMBDA_LOG_LEVEL` filters as in RIC.
 *
 * Not emulated: the JSON format (`AWS_LAMBDA_LOG_FORMAT=JSON`) and the telemetry log fd.
 */
import { format } from 'node:util';
import { intoError, toFormatted } from './errors.js';

interface LogLevel {
  name: string;
  priority: number;
}

type LogMethod = (message?: unknown, ...params: unknown[]) => void;

const LEVELS = {
  TRACE: { name: 'TRACE', priority: 1 },
  DEBUG: { name: 'DEBUG', priority: 2 },
  INFO: { name: 'INFO', priority: 3 },
  WARN: { name: 'WARN', priority: 4 },
  ERROR: { name: 'ERROR', priority: 5 },
  FATAL: { name: 'FATAL', priority: 6 },
} as const satisfies Record<string, LogLevel>;

// The same global symbols as RIC, so code that reads them finds the current ids.
const REQUEST_ID_SYMBOL = Symbol.for('aws.lambda.runtime.requestId');
const TENANT_ID_SYMBOL = Symbol.for('aws.lambda.runtime.tenantId');
const globalStore = globalThis as unknown as Record<symbol, unknown>;

/**
 * Sets the request id that prefixes log lines (`undefined` during init, as on Lambda).
 *
 * @param requestId - The current invocation's id.
 * @example
 * ```ts
 * setCurrentRequestId('8f5c...');
 * ```
 */
export function setCurrentRequestId(requestId: string | undefined): void {
  globalStore[REQUEST_ID_SYMBOL] = requestId;
}

/**
 * Sets the current tenant id (kept for parity with RIC; text lines do not show it).
 *
 * @param tenantId - The current invocation's tenant id.
 * @example
 * ```ts
 * setCurrentTenantId(undefined);
 * ```
 */
export function setCurrentTenantId(tenantId: string | undefined): void {
  globalStore[TENANT_ID_SYMBOL] = tenantId;
}

function logTextToStdout(level: LogLevel, message: unknown, ...params: unknown[]): void {
  const time = new Date().toISOString();
  const requestId = String(globalStore[REQUEST_ID_SYMBOL]);
  const line = `${time}\t${requestId}\t${level.name}\t${format(message, ...params)}`;
  process.stdout.write(`${line.replace(/\n/g, '\r')}\n`);
}

function levelMethod(level: LogLevel, threshold: LogLevel): LogMethod {
  if (level.priority < threshold.priority) return () => {};
  return (message, ...params) => logTextToStdout(level, message, ...params);
}

/**
 * Replaces `console.trace/debug/info/log/warn/error` (and adds `console.fatal`) with the
 * runtime's line format (RIC `patchConsole`, text mode).
 *
 * @example
 * ```ts
 * patchConsole();
 * console.log('hi'); // 2026-01-01T00:00:00.000Z\tundefined\tINFO\thi
 * ```
 */
export function patchConsole(): void {
  const requested = process.env.AWS_LAMBDA_LOG_LEVEL?.toUpperCase() ?? '';
  const threshold: LogLevel = LEVELS[requested as keyof typeof LEVELS] ?? LEVELS.TRACE;
  const target = console as unknown as Record<string, LogMethod>;
  target.trace = levelMethod(LEVELS.TRACE, threshold);
  target.debug = levelMethod(LEVELS.DEBUG, threshold);
  target.info = levelMethod(LEVELS.INFO, threshold);
  target.log = target.info;
  target.warn = levelMethod(LEVELS.WARN, threshold);
  target.error = levelMethod(LEVELS.ERROR, threshold);
  // RIC adds `fatal`, never filtered.
  target.fatal = levelMethod(LEVELS.FATAL, LEVELS.TRACE);
}

/**
 * Logs an error the way the runtime reports invocation and process errors (RIC
 * `structuredConsole.logError`, text mode): `ERROR\t<message> \t{"errorType":...}`.
 *
 * @param message - `Invoke Error`, `Uncaught Exception` or `Unhandled Promise Rejection`.
 * @param error - What was thrown.
 * @example
 * ```ts
 * logError('Invoke Error', new Error('boom'));
 * ```
 */
export function logError(message: string, error: unknown): void {
  console.error(message, toFormatted(intoError(error)));
}
