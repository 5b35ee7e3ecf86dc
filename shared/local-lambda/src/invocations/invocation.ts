/**
 * One invocation from start to REPORT: it waits for its environment's runtime at `/next`, hands
 * it the event, follows the runtime's answer (response, error or exit) through the promises the
 * environment returns, carries the response into the body, enforces the timeout and the size
 * caps, and reports the outcome. The environment goes back to the pool when its runtime is at
 * `/next` again; a dead or killed one is dropped.
 */
import { INIT_TIMEOUT_SECONDS, type LimitOptions, NEXT_GRACE_MS } from '../defaults.js';
import type { EnvironmentCall, OutputSink, ProcessExit } from '../environments/environment-call.js';
import type { Lease } from '../environments/environment-pool.js';
import type { FunctionError } from '../functions/function-error.js';
import type { LocalFunction } from '../functions/local-function.js';
import type { FunctionLogger } from '../logs/function-logs.js';
import { buildRuntimeEvent } from '../runtime-api/runtime-event.js';
import type { RuntimeResponse } from '../runtime-api/runtime-response.js';
import type { InvocationHandle, InvocationOutcome, InvokeRequest } from './contracts.js';
import { exitError, timeoutError, truncatedResponseError } from './function-errors.js';
import { environmentFigures, InvocationLog, measureReport } from './invocation-log.js';
import { InvocationResult } from './invocation-result.js';
import { type CarriedResponse, carryResponse } from './response-pipeline.js';
import { TimerSet } from './timer-set.js';

/** Everything one invocation needs. */
export interface InvocationOptions {
  fn: LocalFunction;
  request: InvokeRequest;
  requestId: string;
  limits: LimitOptions;
  logger: FunctionLogger;
  /** Takes an environment whose output lines go to `output` (may throw TooManyRequestsError). */
  acquire(output: OutputSink): Lease;
}

/** Starts an invocation; throws synchronously when no environment can be had. */
export function startInvocation(options: InvocationOptions): InvocationHandle {
  return new Invocation(options).handle;
}

class Invocation {
  readonly handle: InvocationHandle;
  private readonly log: InvocationLog;
  private readonly lease: Lease;
  private readonly result: InvocationResult;
  private readonly timers = new TimerSet();
  private readonly invokedAt = performance.now();
  private deliveredAt: number | undefined;
  private initDurationMs: number | undefined;
  private deadline: NodeJS.Timeout | undefined;
  private pipeline: CarriedResponse | undefined;
  private truncated: FunctionError | undefined;
  private discarded = false;

  constructor(private readonly options: InvocationOptions) {
    this.log = new InvocationLog(options.fn.name, options.requestId, options.logger);
    this.result = new InvocationResult((error) => this.report(error));
    this.lease = options.acquire((stream, line) =>
      this.log.runtimeLine(stream, line, this.deliveredAt === undefined),
    );
    const { started, body, outcome } = this.result;
    const discard = () => this.discard();
    this.handle = { requestId: options.requestId, started, body, outcome, discard };
    if (this.lease.env.waiting) this.deliver();
    else {
      this.timers.later(INIT_TIMEOUT_SECONDS * 1000, () => this.timedOut(INIT_TIMEOUT_SECONDS));
      this.awaitRuntime();
    }
  }

  /** Waits for the runtime at `/next` (the end of Init), for its Init error, or for its end. */
  private awaitRuntime(): void {
    void this.lease.env.ready().then((ready) => {
      if (ready.kind === 'exit') this.exit(ready.exit);
      else if (ready.kind === 'init-error') this.initError(ready.error);
      // After an Init timeout the runtime is only let go; otherwise it gets the event now.
      else if (this.result.settled) this.backAtNext();
      else this.deliver();
    });
  }

  /** Follows the runtime's answer to the event and its return to `/next` (or its end). */
  private follow(call: EnvironmentCall): void {
    void call.answer.then((answer) => {
      if (answer.kind === 'response') this.response(answer.response);
      else if (answer.kind === 'error') this.settle(answer.error);
    });
    void call.done.then((done) =>
      done.kind === 'exit' ? this.exit(done.exit) : this.backAtNext(),
    );
  }

  /** The runtime asks for its next event: it is done with this one. */
  private backAtNext(): void {
    if (this.truncated) this.settle(this.truncated);
    // Its last lines were written before its /next; their pipe may be read later in this
    // same I/O turn, so the outcome (and its log) waits for the turn to end.
    setImmediate(() => this.runtimeDone());
  }

  /** Carries the response into the body; the pipeline says how it ended (size caps included). */
  private response(response: RuntimeResponse): void {
    if (this.result.settled) return;
    const { limits, request } = this.options;
    const carried = carryResponse(response, this.result.body, request.delivery, limits);
    this.pipeline = carried;
    if (carried.started) this.result.start(response.start);
    if (this.discarded) carried.unthrottle();
    void carried.drained.then(() => this.result.closeBody());
    void carried.ended.then((end) =>
      end.kind === 'broken' ? this.connectionBroke() : this.settle(end.error),
    );
  }

  /** The runtime failed its Init: the environment is stopped, its end awaited. */
  private initError(error: FunctionError): void {
    this.initDurationMs = this.lease.env.initDurationMs ?? performance.now() - this.invokedAt;
    this.lease.env.kill();
    this.settle(error);
    void this.lease.env.exited.then((exit) => this.exit(exit));
  }

  private exit(exit: ProcessExit): void {
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
    const call = this.lease.env.invoke(event);
    if (!call) {
      this.awaitRuntime();
      return;
    }
    this.timers.clear();
    if (this.lease.cold) this.initDurationMs = this.lease.env.initDurationMs;
    this.deliveredAt = performance.now();
    this.log.start();
    this.deadline = setTimeout(() => this.timedOut(fn.definition.timeout), timeoutMs);
    this.follow(call);
  }

  /** The runtime is back at `/next` or gone: the environment is free (or dropped). */
  private runtimeDone(): void {
    clearTimeout(this.deadline);
    this.lease.env.catchUpOutput(); // before the environment can serve another invocation
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
    if (!this.result.runtimeIsDone)
      this.timers.later(NEXT_GRACE_MS, () => this.result.runtimeDone());
    this.result.settle(error);
  }

  private report(error: FunctionError | undefined): InvocationOutcome {
    this.timers.clear();
    this.lease.env.catchUpOutput(); // its lines written before the outcome belong in its log
    const figures = measureReport(this.deliveredAt ?? this.invokedAt, {
      ...environmentFigures(this.lease.env),
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
