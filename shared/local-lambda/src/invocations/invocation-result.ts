/**
 * The caller's side of an invocation: the body, the `started` and `outcome` promises, and the
 * rule that decides when the outcome is reported: once the result is known, the body has ended
 * and the runtime is done with the invocation (back at `/next`, gone, or given up on).
 */
import { PassThrough } from 'node:stream';
import type { FunctionError } from '../functions/function-error.js';
import type { InvocationOutcome, ResponseStart } from './contracts.js';

/**
 * Collects the three conditions and reports the outcome once, through `report`.
 *
 * @example
 * ```ts
 * const result = new InvocationResult((error) => ({ requestId, error, ...figures, logs }));
 * result.settle(undefined); result.closeBody(); result.runtimeDone();
 * ```
 */
export class InvocationResult {
  readonly body = new PassThrough();
  readonly started: Promise<ResponseStart | undefined>;
  readonly outcome: Promise<InvocationOutcome>;
  private known: { error: FunctionError | undefined } | undefined;
  private bodyEnded = false;
  private runtimeFinished = false;
  private reported = false;
  private resolveStarted: (start: ResponseStart | undefined) => void = () => {};
  private resolveOutcome: (outcome: InvocationOutcome) => void = () => {};

  /** @param report - Builds the outcome (REPORT figures, logs) when everything is over. */
  constructor(private readonly report: (error: FunctionError | undefined) => InvocationOutcome) {
    this.body.on('error', () => {});
    this.started = new Promise((resolve) => {
      this.resolveStarted = resolve;
    });
    this.outcome = new Promise((resolve) => {
      this.resolveOutcome = resolve;
    });
  }

  /** `true` once the result is known. */
  get settled(): boolean {
    return this.known !== undefined;
  }

  /** `true` once the outcome was reported. */
  get done(): boolean {
    return this.reported;
  }

  /** `true` once the runtime is done with the invocation. */
  get runtimeIsDone(): boolean {
    return this.runtimeFinished;
  }

  /** The runtime began its response. */
  start(start: ResponseStart): void {
    this.resolveStarted(start);
  }

  /** Sets the result (the first one wins); returns `false` when it was known already. */
  settle(error: FunctionError | undefined): boolean {
    if (this.known) return false;
    this.known = { error };
    this.resolveStarted(undefined);
    this.tryReport();
    return true;
  }

  /** Ends the body (idempotent). */
  closeBody(): void {
    if (this.bodyEnded) return;
    this.bodyEnded = true;
    this.body.end();
    this.tryReport();
  }

  /** The runtime is back at `/next`, gone, or no longer waited for. */
  runtimeDone(): void {
    this.runtimeFinished = true;
    this.tryReport();
  }

  private tryReport(): void {
    if (this.reported || !this.known || !this.bodyEnded || !this.runtimeFinished) return;
    this.reported = true;
    this.resolveOutcome(this.report(this.known.error));
  }
}
