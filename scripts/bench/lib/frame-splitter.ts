/**
 * Cuts a byte stream into whole event stream messages (spec §3.4): each starts with its total
 * length as a big-endian uint32. Decoding (and the CRC checks) is left to
 * `@smithy/eventstream-codec`, which needs whole messages.
 */

/**
 * Accumulates bytes and hands out every complete message.
 *
 * @example
 * ```ts
 * const splitter = new FrameSplitter();
 * for (const frame of splitter.push(chunk)) codec.decode(frame);
 * ```
 */
export class FrameSplitter {
  private pending: Buffer = Buffer.alloc(0);

  /** Bytes received that do not yet make a whole message. */
  get pendingBytes(): number {
    return this.pending.length;
  }

  /**
   * Adds bytes.
   *
   * @param chunk - The next bytes of the stream.
   * @returns The messages completed by them, in order.
   */
  push(chunk: Buffer): Buffer[] {
    let bytes = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const frames: Buffer[] = [];
    while (bytes.length >= 4) {
      const length = bytes.readUInt32BE(0);
      if (length < 16) throw new Error(`event stream message of ${length} bytes is too short`);
      if (bytes.length < length) break;
      frames.push(bytes.subarray(0, length));
      bytes = bytes.subarray(length);
    }
    this.pending = bytes;
    return frames;
  }
}
