/**
 * The path of a runtime's response bytes to the caller: runtime request → size gate → bandwidth
 * limiter → the invocation's body. Each stage holds at most a chunk or a high-water mark, so a
 * slow caller slows the function (spec §3.6) and nothing buffers a whole response. The pipeline
 * is also the one place that decides a response is too large: it answers the runtime 413 (at
 * once for a Content-Length over the cap, else once more than the cap came through the gate),
 * and 202 once everything went through (spec §2.5).
 */
import type { PassThrough, Transform } from 'node:stream';
import type { LimitOptions } from '../defaults.js';
import type { FunctionError } from '../functions/function-error.js';
import type { RuntimeResponse } from '../runtime-api/runtime-response.js';
import { BandwidthLimiter, createBandwidthLimiter } from './bandwidth-limiter.js';
import type { InvokeRequest } from './contracts.js';
import { responseSizeError } from './function-errors.js';
import { SizeGate } from './size-gate.js';

/** How the runtime's response ended for the caller. */
export type CarriedEnd =
  /** Read to its end and answered 202; `error` when its trailers reported one. */
  | { kind: 'complete'; error: FunctionError | undefined }
  /** Larger than the cap: answered 413, nothing more is read. */
  | { kind: 'too-large'; error: FunctionError }
  /** The runtime's connection broke before the end; the pipeline is cut. */
  | { kind: 'broken' };

/** A response on its way to the caller. */
export interface CarriedResponse {
  /** `false` when the response was refused before its first byte. */
  readonly started: boolean;
  /** Resolves when every byte that passed the gate is in the body: the body may end. */
  readonly drained: Promise<void>;
  /** Resolves with how the response ended; stays pending once the pipeline is cut. */
  readonly ended: Promise<CarriedEnd>;
  /** The caller is gone: no more pacing (UNCONFIRMED whether Lambda keeps pacing, spec §3.6). */
  unthrottle(): void;
  /** Stops everything now (timeout, crash): bytes not yet in the body are dropped. */
  cut(): void;
}

/**
 * Carries one response into `out`, which it never ends itself. The cap follows how the caller
 * takes the response: a streamed response to a streaming caller gets the streamed cap, anything
 * else the buffered one; only streaming callers are paced (RAPID paces streamed invokes only).
 *
 * @param response - The runtime's `/response`.
 * @param out - The invocation's body.
 * @param delivery - How the caller takes the response.
 * @param limits - The emulator's limits.
 * @returns The response on its way.
 * @example
 * ```ts
 * const carried = carryResponse(response, body, 'stream', limits);
 * const end = await carried.ended; // { kind: 'complete', error: undefined }
 * ```
 */
export function carryResponse(
  response: RuntimeResponse,
  out: PassThrough,
  delivery: InvokeRequest['delivery'],
  limits: LimitOptions,
): CarriedResponse {
  const toStream = response.start.streamed && delivery === 'stream';
  const cap = toStream ? limits.maxStreamedResponseBytes : limits.maxBufferedResponseBytes;
  const declared = response.contentLength ?? 0;
  if (!response.start.streamed && declared > cap) {
    response.refuseTooLarge(cap);
    return refused({ kind: 'too-large', error: responseSizeError(declared, cap) });
  }
  const bandwidthLimit = delivery === 'stream' ? limits.bandwidthLimit : false;
  return new ResponsePipeline(response, out, cap, bandwidthLimit);
}

function refused(end: CarriedEnd): CarriedResponse {
  const nothing = () => {};
  return {
    started: false,
    drained: Promise.resolve(),
    ended: Promise.resolve(end),
    unthrottle: nothing,
    cut: nothing,
  };
}

class ResponsePipeline implements CarriedResponse {
  readonly started = true;
  readonly drained: Promise<void>;
  readonly ended: Promise<CarriedEnd>;
  private readonly gate: SizeGate;
  private readonly limiter: Transform;
  private stopped = false;
  private end: (end: CarriedEnd) => void = () => {};

  constructor(
    private readonly response: RuntimeResponse,
    private readonly out: PassThrough,
    private readonly cap: number,
    bandwidthLimit: LimitOptions['bandwidthLimit'],
  ) {
    this.ended = new Promise((resolve) => {
      this.end = resolve;
    });
    this.gate = new SizeGate(cap, () => this.refuse());
    this.limiter = createBandwidthLimiter(bandwidthLimit);
    this.gate.on('error', () => {});
    this.limiter.on('error', () => {});
    this.drained = new Promise((resolve) => this.limiter.once('end', resolve));
    void this.drained
      .then(() => response.ended)
      .then((end) => {
        if (this.stopped || !end.complete) return;
        response.accept();
        this.end({ kind: 'complete', error: end.error });
      });
    void response.ended.then((end) => {
      if (this.stopped || end.complete) return;
      this.cut();
      this.end({ kind: 'broken' });
    });
    response.body.pipe(this.gate).pipe(this.limiter).pipe(out, { end: false });
  }

  unthrottle(): void {
    if (this.limiter instanceof BandwidthLimiter) this.limiter.disable();
  }

  cut(): void {
    this.stopped = true;
    this.response.body.unpipe(this.gate);
    this.limiter.unpipe(this.out);
    this.gate.destroy();
    this.limiter.destroy();
  }

  /**
   * Past the cap: answer 413, stop reading, let what passed the gate reach the body. RAPID reads
   * a body of unknown length through io.LimitReader(cap + 1), so it reports cap + 1 bytes,
   * however many the runtime went on to send (RIE directinvoke.go).
   */
  private refuse(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.response.refuseTooLarge(this.cap);
    this.response.body.unpipe(this.gate);
    this.gate.end();
    this.end({ kind: 'too-large', error: responseSizeError(this.cap + 1, this.cap) });
  }
}
