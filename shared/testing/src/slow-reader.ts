/**
 * The client end of the response-stream double: it reads each chunk the runtime sends, at once,
 * after a delay, or only once resumed, so that a handler meets the backpressure of a slow client.
 */

/** One chunk as the client read it. */
export interface RecordedChunk {
  data: Buffer;
  /** `Date.now()` when the client read it (fake timers move it too). */
  at: number;
  /** Position of this chunk among all the chunks of the stream, prelude included. */
  sequence: number;
}

/** One `write()` call that reached the transport, and what it returned. */
export interface RecordedWrite {
  /** `Date.now()` at the call. */
  at: number;
  /** `length` of the chunk as given (characters for a string). */
  length: number;
  /** `false` when the buffer was full: the handler should wait for `drain`. */
  accepted: boolean;
}

/**
 * Takes the transport's chunks one at a time: a Writable hands over the next chunk only once
 * the previous one is acknowledged, so at most one chunk (or the end) waits while paused.
 *
 * @example
 * ```ts
 * const reader = new SlowReader(0, true);
 * reader.take(Buffer.from('a'), () => console.log('acknowledged')); // waits
 * reader.resume(); // reads 'a', acknowledges
 * ```
 */
export class SlowReader {
  readonly chunks: RecordedChunk[] = [];
  #paused: boolean;
  #waiting: (() => void) | undefined;

  /**
   * @param delayMs - Delay before each read chunk is acknowledged.
   * @param paused - Start paused.
   */
  constructor(
    private readonly delayMs: number,
    paused: boolean,
  ) {
    this.#paused = paused;
  }

  /** Reads the chunk now, or once resumed, then acknowledges it. */
  take(data: Buffer, acknowledge: () => void): void {
    const read = () => {
      this.chunks.push({ data, at: Date.now(), sequence: this.chunks.length });
      if (this.delayMs > 0) setTimeout(acknowledge, this.delayMs);
      else acknowledge();
    };
    if (this.#paused) this.#waiting = read;
    else read();
  }

  /** Calls back once the reader is not paused (the end of the stream waits for it too). */
  whenIdle(callback: () => void): void {
    if (this.#paused) this.#waiting = callback;
    else callback();
  }

  pause(): void {
    this.#paused = true;
  }

  resume(): void {
    this.#paused = false;
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting?.();
  }
}
