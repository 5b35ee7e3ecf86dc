/**
 * Counts the bytes of a response and lets through no more than the cap. Past the cap it calls
 * back once and drops the rest, as RAPID stops copying an oversized response (spec §2.5).
 */
import { Transform, type TransformCallback } from 'node:stream';

/**
 * A Transform that passes at most `limit` bytes.
 *
 * @example
 * ```ts
 * const gate = new SizeGate(6_291_556, (seen) => fail(seen));
 * runtimeBody.pipe(gate).pipe(out);
 * ```
 */
export class SizeGate extends Transform {
  /** Bytes received so far, the dropped ones included. */
  bytesSeen = 0;
  private exceeded = false;

  /**
   * @param limit - Most bytes that may pass.
   * @param onExceeded - Called once, with the bytes seen when the cap was crossed.
   */
  constructor(
    private readonly limit: number,
    private readonly onExceeded: (bytesSeen: number) => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.exceeded) {
      done();
      return;
    }
    const room = this.limit - this.bytesSeen;
    this.bytesSeen += chunk.length;
    if (chunk.length <= room) {
      done(null, chunk);
      return;
    }
    this.exceeded = true;
    if (room > 0) this.push(chunk.subarray(0, room));
    done();
    this.onExceeded(this.bytesSeen);
  }
}
