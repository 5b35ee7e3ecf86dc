/**
 * One invocation from start to REPORT: it waits for its environment's runtime at `/next`, hands
 * it the event, carries the response into the body, enforces the timeout and the size caps, and
 * reports the outcome. The environment goes back to the pool when its runtime is at `/next`
 * again; a dead or killed one is dropped.
 */

import { INIT_TIMEOUT_SECONDS, type LimitOptions, NEXT_GRACE_MS } from '../defaults.js';
import type { Lease } from '../environments/environment-pool.js';
import type { EnvironmentListener, ProcessExit } from '../environments/execution-environment.js';
import type { FunctionError } from '../functions/function-error.js';
import type { LocalFunction } from '../functions/local-function.js';
import type { FunctionLogger } from '../logs/function-logs.js';
import { buildRuntimeEvent } from '../runtime-api/runtime-event.js';
import type { RuntimeResponse } from '../runtime-api/runtime-response.js';
import type { InvocationHandle, InvocationOutcome, InvokeRequest } from './contracts.js';
import {
  exitError,
  responseSizeError,
  timeoutError,
  truncatedResponseError,
} from './function-errors.js';
import { InvocationLog, measureReport } from './invocation-log.js';
import { InvocationResult } from './invocation-result.js';
import { ResponsePipeline } from './response-pipeline.js';
import { TimerSet } from './timer-set.js';

/** Everything one invocation needs. */
export interface InvocationOptions {
  fn: LocalFunction;
  request: InvokeRequest;
  requestId: string;
  limits: LimitOptions;
  logger: FunctionLogger;
  /** Takes an environment for this invocation (may throw TooManyRequestsError). */
  acquire(listener: EnvironmentListener): Lease;
}

/** Starts an invocation; throws synchronously when no environment can be had. */
export function startInvocation(options: InvocationOptions): InvocationHandle {
  return new Invocation(options).handle;
}

class Invocation implements EnvironmentListener {
  readonly handle: InvocationHandle;
  private readonly log: InvocationLog;
  private readonly lease: Lease;
  private readonly result: InvocationResult;
  private readonly timers = new TimerSet();
  private readonly invokedAt = performance.now();
  private deliveredAt: number | undefined;
  private initDurationMs: number | undefined;
  private deadline: NodeJS.Timeout | undefined;
  private pipeline: ResponsePipeline | undefined;
  private truncated: FunctionError | undefined;
  private discarded = false;

  constructor(private readonly options: InvocationOptions) {
    this.log = new InvocationLog(options.fn.name, options.requestId, options.logger);
    this.result = new InvocationResult((error) => this.report(error));
    this.lease = options.acquire(this);
    const { started, body, outcome } = this.result;
    const discard = () => this.discard();
    this.handle = { requestId: options.requestId, started, body, outcome, discard };
    if (this.lease.env.waiting) this.deliver();
    else this.timers.later(INIT_TIMEOUT_SECONDS * 1000, () => this.timedOut(INIT_TIMEOUT_SECONDS));
  }

  ready(): void {
    if (this.deliveredAt === undefined && !this.result.settled) this.deliver();
    else {
      if (this.truncated) this.settle(this.truncated);
      // Its last lines were written before its /next; their pipe may be read later in this
      // same I/O turn, so the outcome (and its log) waits for the turn to end.
      setImmediate(() => this.runtimeDone());
    }
  }

  line(stream: 'stdout' | 'stderr', line: string): void {
    this.log.runtimeLine(stream, line, this.deliveredAt === undefined);
  }

  response(response: RuntimeResponse): void {
    if (this.result.settled) return;
    const { request, limits } = this.options;
    const toStream = response.start.streamed && request.delivery === 'stream';
    const cap = toStream ? limits.maxStreamedResponseBytes : limits.maxBufferedResponseBytes;
    if (!response.start.streamed && (response.contentLength ?? 0) > cap) {
      response.refuseTooLarge(cap);
      this.settle(responseSizeError(response.contentLength ?? 0, cap));
      return;
    }
    this.result.start(response.start);
    this.pipeline = new ResponsePipeline(response, this.result.body, {
      cap,
      // RAPID paces streamed invokes only; a buffered Invoke is not limited (spec §2.5).
      bandwidthLimit: request.delivery === 'stream' ? limits.bandwidthLimit : false,
      // RAPID reads a body of unknown length through io.LimitReader(cap + 1), so it reports
      // cap + 1 bytes, however many the runtime went on to send (RIE directinvoke.go).
      oversize: () => this.settle(responseSizeError(cap + 1, cap)),
      drained: () => this.result.closeBody(),
      completed: (error) => this.settle(error),
      broken: () => this.connectionBroke(),
    });
    if (this.discarded) this.pipeline.unthrottle();
  }

  error(error: FunctionError): void {
    this.settle(error);
  }

  initError(error: FunctionError): void {
    if (this.deliveredAt !== undefined) return;
    this.initDurationMs = this.lease.env.initDurationMs ?? performance.now() - this.invokedAt;
    this.lease.env.kill();
    this.settle(error);
  }

  exit(exit: ProcessExit): void {
    if (this.deliveredAt === undefined) this.initDurationMs = performance.now() - this.invokedAt;
    if (!this.result.settled) {
      const error = exitError(this.options.requestId, exit);
      for (const line of [error.errorMessage, error.errorType]) this.log.platform(line);
      this.settle(error, true);
    }
    this.runtimeDone();
  }

  /** Hands the event to the waiting runtime; if its /next went away, it will ask again. */
  private deliver(): void {
    const { fn, request, requestId } = this.options;
    const timeoutMs = fn.definition.timeout * 1000;
    const event = buildRuntimeEvent(request, requestId, Date.now() + timeoutMs);
    if (!this.lease.env.deliver(event)) return;
    this.timers.clear();
    if (this.lease.cold) this.initDurationMs = this.lease.env.initDurationMs;
    this.deliveredAt = performance.now();
    this.log.start();
    this.deadline = setTimeout(() => this.timedOut(fn.definition.timeout), timeoutMs);
  }

  /** The runtime is back at `/next` or gone: the environment is free (or dropped). */
  private runtimeDone(): void {
    clearTimeout(this.deadline);
    this.lease.release();
    this.result.runtimeDone();
  }

  /** The function's timeout, or Init's: the environment is stopped. */
  private timedOut(seconds: number): void {
    if (this.deliveredAt === undefined) this.initDurationMs = performance.now() - this.invokedAt;
    this.lease.env.sampleMemory();
    this.lease.env.kill();
    this.log.timeout(seconds);
    this.settle(this.truncated ?? timeoutError(this.options.requestId, seconds), true);
  }

  /** Died, or only dropped the connection? Its next move tells (exit; `/next` or timeout). */
  private connectionBroke(): void {
    if (this.result.settled) return;
    this.result.closeBody();
    this.truncated = truncatedResponseError(this.options.requestId);
  }

  /** The result is known; `cut` drops response bytes not yet in the body. */
  private settle(error: FunctionError | undefined, cut = false): void {
    if (this.result.settled) return;
    if (cut) this.pipeline?.cut();
    if (cut || !this.pipeline) this.result.closeBody();
    if (!this.result.runtimeIsDone) {
      this.timers.later(NEXT_GRACE_MS, () => this.result.runtimeDone());
    }
    this.result.settle(error);
  }

  private report(error: FunctionError | undefined): InvocationOutcome {
    this.timers.clear();
    const figures = measureReport(this.deliveredAt ?? this.invokedAt, {
      memorySizeMb: this.options.fn.definition.memorySize,
      maxMemoryUsedMb: this.lease.env.sampleMemory(),
      initDurationMs: this.lease.cold ? this.initDurationMs : undefined,
    });
    // An invocation that never reached the runtime (failed Init) still gets its START line.
    if (this.deliveredAt === undefined) this.log.start();
    return { requestId: this.options.requestId, error, ...figures, logs: this.log.finish(figures) };
  }

  private discard(): void {
    this.discarded = true;
    this.result.body.unpipe();
    this.result.body.resume();
    this.pipeline?.unthrottle();
  }
}
