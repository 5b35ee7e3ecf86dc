/**
 * The log of one invocation: every line goes to the logger as it comes, and the last 4 KB, from
 * the cold start's Init output to REPORT, are kept for `outcome.logs`.
 */
import type { ExecutionEnvironment } from '../environments/execution-environment.js';
import {
  endLine,
  type FunctionLogger,
  LogTail,
  type ReportFigures,
  reportLine,
  startLine,
  timeoutLine,
} from '../logs/function-logs.js';

/**
 * The REPORT figures of an invocation that started (or reached its runtime) at `since`, a
 * `performance.now()` time. Lambda bills by the millisecond, rounded up.
 *
 * @example
 * ```ts
 * measureReport(deliveredAt, { memorySizeMb: 128, maxMemoryUsedMb: 45 });
 * ```
 */
export function measureReport(
  since: number,
  memory: Omit<ReportFigures, 'durationMs' | 'billedDurationMs'>,
): ReportFigures {
  const durationMs = performance.now() - since;
  return { durationMs, billedDurationMs: Math.max(1, Math.ceil(durationMs)), ...memory };
}

/** What the REPORT line says of an environment (see {@link environmentFigures}). */
type EnvironmentFigures = Pick<ReportFigures, 'memorySizeMb' | 'maxMemoryUsedMb' | 'platformError'>;

/**
 * The memory figures of the REPORT line: `MemorySize`, the peak of the environment's process
 * group, and `Runtime.OutOfMemory` when the environment was stopped for going over it.
 *
 * @example
 * ```ts
 * environmentFigures(lease.env); // { memorySizeMb: 128, maxMemoryUsedMb: 45 }
 * ```
 */
export function environmentFigures(
  env: Pick<ExecutionEnvironment, 'fn' | 'sampleMemory' | 'outOfMemory'>,
): EnvironmentFigures {
  const figures = {
    memorySizeMb: env.fn.definition.memorySize,
    maxMemoryUsedMb: env.sampleMemory(),
  };
  return env.outOfMemory ? { ...figures, platformError: 'Runtime.OutOfMemory' } : figures;
}

/**
 * Lines of one invocation.
 *
 * @example
 * ```ts
 * const log = new InvocationLog('Hello', requestId, logger);
 * log.start();
 * const text = log.finish(figures); // … END, REPORT
 * ```
 */
export class InvocationLog {
  private readonly tail = new LogTail();
  private finished = false;

  constructor(
    private readonly functionName: string,
    private readonly requestId: string,
    private readonly logger: FunctionLogger,
  ) {}

  /** A line the runtime process wrote; Init output carries no request id, as in Lambda. */
  runtimeLine(stream: 'stdout' | 'stderr', message: string, duringInit: boolean): void {
    if (!this.finished) this.tail.append(message);
    const requestId = duringInit ? undefined : this.requestId;
    this.logger({ functionName: this.functionName, requestId, source: stream, message });
  }

  /** One of Lambda's own lines. */
  platform(message: string): void {
    if (!this.finished) this.tail.append(message);
    this.logger({
      functionName: this.functionName,
      requestId: this.requestId,
      source: 'platform',
      message,
    });
  }

  start(): void {
    this.platform(startLine(this.requestId));
  }

  /** `Task timed out after N.00 seconds`. */
  timeout(timeoutSeconds: number): void {
    this.platform(timeoutLine(this.requestId, timeoutSeconds));
  }

  /** Writes END and REPORT; returns the kept text. Later lines are printed, not kept. */
  finish(figures: ReportFigures): string {
    this.platform(endLine(this.requestId));
    this.platform(reportLine(this.requestId, figures));
    this.finished = true;
    return this.tail.text();
  }
}
