/**
 * The path of a runtime's response bytes to the caller: runtime request → size gate → bandwidth
 * limiter → the invocation's body. Each stage holds at most a chunk or a high-water mark, so a
 * slow caller slows the function (spec §3.6) and nothing buffers a whole response. The pipeline
 * also answers the runtime: 202 once everything went through, 413 past the cap (spec §2.5).
 */
import type { PassThrough, Transform } from 'node:stream';
import type { LimitOptions } from '../defaults.js';
import type { FunctionError } from '../functions/function-error.js';
import type { RuntimeResponse } from '../runtime-api/runtime-response.js';
import { BandwidthLimiter, createBandwidthLimiter } from './bandwidth-limiter.js';
import { SizeGate } from './size-gate.js';

/** The pipeline's cap and limit, and what it reports to its invocation. */
export interface PipelineOptions {
  /** Most bytes that reach the body. */
  cap: number;
  bandwidthLimit: LimitOptions['bandwidthLimit'];
  /** More than `cap` bytes came: the runtime got a 413 and nothing more is read. */
  oversize(bytesSeen: number): void;
  /** Every byte that passed the gate is in the body: the body may end. */
  drained(): void;
  /** The runtime's request ended (with its trailers' error, if any) and got its 202. */
  completed(error: FunctionError | undefined): void;
  /** The connection broke before the request's end; the pipeline is cut. */
  broken(): void;
}

/**
 * Carries one response into `out`, which it never ends itself.
 *
 * @example
 * ```ts
 * new ResponsePipeline(response, body, { cap, bandwidthLimit, oversize, drained, completed, broken });
 * ```
 */
export class ResponsePipeline {
  private readonly gate: SizeGate;
  private readonly limiter: Transform;
  private stopped = false;

  constructor(
    private readonly response: RuntimeResponse,
    private readonly out: PassThrough,
    options: PipelineOptions,
  ) {
    this.gate = new SizeGate(options.cap, (seen) => this.refuse(options, seen));
    this.limiter = createBandwidthLimiter(options.bandwidthLimit);
    this.gate.on('error', () => {});
    this.limiter.on('error', () => {});
    this.limiter.once('end', () => {
      options.drained();
      void response.ended.then((end) => {
        if (this.stopped || !end.complete) return;
        response.accept();
        options.completed(end.error);
      });
    });
    void response.ended.then((end) => {
      if (this.stopped || end.complete) return;
      this.cut();
      options.broken();
    });
    response.body.pipe(this.gate).pipe(this.limiter).pipe(out, { end: false });
  }

  /** The caller is gone: no more pacing (UNCONFIRMED whether Lambda keeps pacing, spec §3.6). */
  unthrottle(): void {
    if (this.limiter instanceof BandwidthLimiter) this.limiter.disable();
  }

  /** Stops everything now (timeout, crash): bytes not yet in the body are dropped. */
  cut(): void {
    this.stopped = true;
    this.response.body.unpipe(this.gate);
    this.limiter.unpipe(this.out);
    this.gate.destroy();
    this.limiter.destroy();
  }

  /** Past the cap: answer 413, stop reading, let what passed the gate reach the body. */
  private refuse(options: PipelineOptions, bytesSeen: number): void {
    if (this.stopped) return;
    this.stopped = true;
    this.response.refuseTooLarge(options.cap);
    this.response.body.unpipe(this.gate);
    this.gate.end();
    options.oversize(bytesSeen);
  }
}
