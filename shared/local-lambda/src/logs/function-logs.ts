/**
 * Function logs as CloudWatch shows them: the runtime's own lines, framed by the platform's
 * `START`, `END` and `REPORT` lines; a pluggable sink for the console; and the bounded tail of
 * each invocation's log that `X-Amz-Log-Result` / `LogResult` carry.
 */
import { LOG_TAIL_BYTES } from '../defaults.js';

/** One log line. */
export interface LogRecord {
  functionName: string;
  /** The invocation the line belongs to, when there is one. */
  requestId?: string;
  /**
   * `stdout`/`stderr`: written by the function's process; `platform`: Lambda's own lines
   * (START, END, REPORT, timeouts); `emulator`: the emulator's notices (warnings).
   */
  source: 'stdout' | 'stderr' | 'platform' | 'emulator';
  /** The line, without its newline. */
  message: string;
}

/** Receives every log line; the default prints to stdout. */
export type FunctionLogger = (record: LogRecord) => void;

/** The figures of a REPORT line. */
export interface ReportFigures {
  durationMs: number;
  billedDurationMs: number;
  memorySizeMb: number;
  maxMemoryUsedMb: number;
  initDurationMs?: number;
  /** `Status: error` and its `Error Type`, when the platform stopped the environment. */
  platformError?: string;
}

/** `START RequestId: <id> Version: $LATEST` */
export function startLine(requestId: string, version = '$LATEST'): string {
  return `START RequestId: ${requestId} Version: ${version}`;
}

/** `END RequestId: <id>` */
export function endLine(requestId: string): string {
  return `END RequestId: ${requestId}`;
}

/**
 * The REPORT line, tab-separated as CloudWatch shows it; `Init Duration` only on a cold start.
 *
 * @example
 * ```ts
 * reportLine('id', { durationMs: 12.345, billedDurationMs: 13, memorySizeMb: 128, maxMemoryUsedMb: 45 });
 * // 'REPORT RequestId: id\tDuration: 12.35 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 45 MB'
 * ```
 */
export function reportLine(requestId: string, figures: ReportFigures): string {
  const parts = [
    `REPORT RequestId: ${requestId}`,
    `Duration: ${figures.durationMs.toFixed(2)} ms`,
    `Billed Duration: ${figures.billedDurationMs} ms`,
    `Memory Size: ${figures.memorySizeMb} MB`,
    `Max Memory Used: ${figures.maxMemoryUsedMb} MB`,
  ];
  if (figures.initDurationMs !== undefined) {
    parts.push(`Init Duration: ${figures.initDurationMs.toFixed(2)} ms`);
  }
  if (figures.platformError) parts.push('Status: error', `Error Type: ${figures.platformError}`);
  return parts.join('\t');
}

/** `<ISO timestamp> <id> Task timed out after N.00 seconds`, as Lambda logs a timeout. */
export function timeoutLine(requestId: string, timeoutSeconds: number, now = new Date()): string {
  return `${now.toISOString()} ${requestId} Task timed out after ${timeoutSeconds.toFixed(2)} seconds`;
}

/**
 * The last {@link LOG_TAIL_BYTES} bytes of an invocation's log, kept line by line so memory stays
 * bounded however much the function prints.
 */
export class LogTail {
  private readonly lines: string[] = [];
  private bytes = 0;

  constructor(private readonly maxBytes = LOG_TAIL_BYTES) {}

  /** Adds one line (a newline is appended). */
  append(line: string): void {
    const text = `${line}\n`;
    this.lines.push(text);
    this.bytes += Buffer.byteLength(text);
    while (this.bytes > this.maxBytes && this.lines.length > 1) {
      this.bytes -= Buffer.byteLength(this.lines.shift() ?? '');
    }
  }

  /** The kept text; at most `maxBytes` bytes long. */
  text(): string {
    const text = this.lines.join('');
    if (this.bytes <= this.maxBytes) return text;
    const bytes = Buffer.from(text);
    return bytes.subarray(bytes.length - this.maxBytes).toString('utf8');
  }
}

const COLORS = [36, 35, 33, 32, 34, 96, 95, 93, 92, 94];

function colorFor(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return COLORS[hash % COLORS.length] ?? 36;
}

/** Options of {@link createConsoleLogger}. */
export interface ConsoleLoggerOptions {
  /** Where lines go; default `process.stdout`. */
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Colour the `[FunctionName]` tag; default: when the stream is a TTY. */
  color?: boolean;
}

/**
 * The default logger: `[FunctionName] <line>`, with the request id added when the line does not
 * carry it already (the Node runtime's lines do).
 *
 * @example
 * ```ts
 * const logger = createConsoleLogger();
 * logger({ functionName: 'Hello', source: 'platform', message: 'START RequestId: …' });
 * ```
 */
export function createConsoleLogger(options: ConsoleLoggerOptions = {}): FunctionLogger {
  const stream = options.stream ?? process.stdout;
  const color = options.color ?? Boolean(stream.isTTY);
  return (record) => {
    const tag = color
      ? `\u001b[${colorFor(record.functionName)}m[${record.functionName}]\u001b[0m`
      : `[${record.functionName}]`;
    const { requestId, message } = record;
    const text = requestId && !message.includes(requestId) ? `${requestId} ${message}` : message;
    stream.write(`${tag} ${text}\n`);
  };
}
