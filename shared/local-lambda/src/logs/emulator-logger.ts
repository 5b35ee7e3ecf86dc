import type { FunctionLogger } from './function-logs.js';

/**
 * Where the emulator's own messages go (function output is the core's business). `console`
 * fits; tests pass a silent one.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A logger that drops everything. */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/**
 * The emulator's own messages, sent to the function log sink as `[local-lambda]` lines, or to
 * the console's stderr when there is no sink.
 *
 * @param sink - The `logger` option of `startLocalLambda`.
 * @returns A {@link Logger}.
 * @example
 * ```ts
 * const logger = emulatorLogger(options.logger);
 * logger.warn('header dropped');
 * ```
 */
export function emulatorLogger(sink?: FunctionLogger): Logger {
  const write = (message: string, fallback: (text: string) => void) => {
    if (sink) sink({ functionName: 'local-lambda', source: 'emulator', message });
    else fallback(`[local-lambda] ${message}`);
  };
  return {
    info: (message) => write(message, console.log),
    warn: (message) => write(message, console.warn),
    error: (message) => write(message, console.error),
  };
}
