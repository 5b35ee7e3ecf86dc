/**
 * Lambda's response bandwidth limit: a token bucket that lets the first burst through at full
 * speed, then a steady rate. It is a Transform so that backpressure flows through it: it holds at
 * most one chunk, and pushes nothing more while its reader is full.
 *
 * Source: aws-lambda-runtime-interface-emulator `internal/lambda/core/bandwidthlimiter/` (bucket
 * starts full, refilled by rate × 125 ms every 125 ms; spec §2.5). RAPID waits until a whole
 * piece fits; this limiter sends what the tokens allow at once, so the output is smoother.
 */
import { PassThrough, Transform, type TransformCallback } from 'node:stream';
import {
  BANDWIDTH_BURST_BYTES,
  BANDWIDTH_BYTES_PER_SECOND,
  BANDWIDTH_TICK_MS,
  type LimitOptions,
} from '../defaults.js';

/** Shape of the bucket. */
export interface BandwidthLimiterOptions {
  /** Bucket capacity: bytes sent at full speed before the rate applies. The bucket starts full. */
  burstBytes: number;
  bytesPerSecond: number;
  /** Refill period; RAPID uses 125 ms. */
  tickMs?: number;
}

interface HeldChunk {
  bytes: Buffer;
  done: TransformCallback;
}

/**
 * A Transform that paces bytes through a token bucket.
 *
 * @example
 * ```ts
 * runtimeBody.pipe(new BandwidthLimiter({ burstBytes: 6 << 20, bytesPerSecond: 2 << 20 })).pipe(out);
 * ```
 */
export class BandwidthLimiter extends Transform {
  private tokens: number;
  private readonly capacity: number;
  private readonly refill: number;
  private readonly tickMs: number;
  private timer: NodeJS.Timeout | undefined;
  private held: HeldChunk | undefined;
  private readerFull = false;
  private unlimited = false;

  constructor(options: BandwidthLimiterOptions) {
    super();
    this.capacity = options.burstBytes;
    this.tokens = options.burstBytes;
    this.tickMs = options.tickMs ?? BANDWIDTH_TICK_MS;
    this.refill = Math.max(1, Math.floor((options.bytesPerSecond * this.tickMs) / 1000));
  }

  /** Tokens left in the bucket (for tests and diagnostics). */
  get availableTokens(): number {
    return this.tokens;
  }

  /** Lets everything through at full speed from now on (the caller is gone, spec §3.6). */
  disable(): void {
    this.unlimited = true;
    this.stopRefill();
    this.release();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.held = { bytes: chunk, done };
    this.release();
  }

  override _read(size: number): void {
    this.readerFull = false;
    super._read(size);
    this.release();
  }

  override _flush(done: TransformCallback): void {
    this.stopRefill();
    done();
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    this.stopRefill();
    this.held = undefined;
    done(error);
  }

  /** Pushes as much of the held chunk as the tokens and the reader allow. */
  private release(): void {
    const held = this.held;
    if (!held || this.readerFull) return;
    const allowed = this.unlimited ? held.bytes.length : Math.min(this.tokens, held.bytes.length);
    if (allowed > 0) {
      if (!this.unlimited) this.tokens -= allowed;
      const piece = held.bytes.subarray(0, allowed);
      held.bytes = held.bytes.subarray(allowed);
      this.readerFull = !this.push(piece);
    }
    if (held.bytes.length === 0) {
      this.held = undefined;
      held.done();
    }
    if (!this.unlimited && this.tokens < this.capacity) this.startRefill();
  }

  private startRefill(): void {
    this.timer ??= setInterval(() => this.tick(), this.tickMs);
  }

  private stopRefill(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    this.tokens = Math.min(this.capacity, this.tokens + this.refill);
    this.release();
    if (this.tokens >= this.capacity && !this.held) this.stopRefill();
  }
}

/**
 * The limiter the options ask for: Lambda's (6 MiB burst, 2 MiB/s), a custom bucket, or none.
 *
 * @param limit - `LimitOptions.bandwidthLimit`.
 * @returns A Transform; a plain PassThrough when the limit is off.
 * @example
 * ```ts
 * const limiter = createBandwidthLimiter(true);
 * ```
 */
export function createBandwidthLimiter(
  limit: LimitOptions['bandwidthLimit'],
): BandwidthLimiter | PassThrough {
  if (limit === false) return new PassThrough();
  if (limit === true) {
    return new BandwidthLimiter({
      burstBytes: BANDWIDTH_BURST_BYTES,
      bytesPerSecond: BANDWIDTH_BYTES_PER_SECOND,
    });
  }
  return new BandwidthLimiter(limit);
}
