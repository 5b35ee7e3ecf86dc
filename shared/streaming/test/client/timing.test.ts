import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { timed, timeResponse } from '../../src/client/index.js';

/** A clock that returns the given times in order. */
function clock(...times: number[]): () => number {
  return () => times.shift() ?? Number.NaN;
}

async function* chunks(...items: (string | Uint8Array)[]): AsyncGenerator<string | Uint8Array> {
  yield* items;
}

describe('timeResponse', () => {
  it('reports time to first byte, time to last byte, bytes and each chunk', async () => {
    // Arrange
    const source = chunks('ab', Buffer.alloc(0), Buffer.from('cde'), 'é');
    const now = clock(110, 125, 140, 150);

    // Act
    const timing = await timeResponse(source, { startMs: 100, now });

    // Assert
    expect(timing).toEqual({
      ttfbMs: 10,
      ttlbMs: 50,
      bytes: 7,
      chunks: [
        { atMs: 10, bytes: 2 },
        { atMs: 25, bytes: 3 },
        { atMs: 40, bytes: 2 },
      ],
    });
  });

  it('leaves ttfbMs undefined for an empty body', async () => {
    // Arrange
    const source = chunks();

    // Act
    const timing = await timeResponse(source, { startMs: 0, now: clock(7) });

    // Assert
    expect(timing).toEqual({ ttfbMs: undefined, ttlbMs: 7, bytes: 0, chunks: [] });
  });

  it('takes the start from the clock when none is given', async () => {
    // Arrange
    const source = chunks('x');

    // Act
    const timing = await timeResponse(source, { now: clock(1000, 1004, 1009) });

    // Assert
    expect(timing).toMatchObject({ ttfbMs: 4, ttlbMs: 9 });
  });
});

describe('timed', () => {
  it('passes every chunk through while timing it, with the result at the end', async () => {
    // Arrange
    const body = timed(chunks('a', 'bc'), { startMs: 0, now: clock(1, 2, 3) });
    const seen: unknown[] = [];
    const resultsDuring: unknown[] = [];

    // Act
    for await (const chunk of body) {
      seen.push(chunk);
      resultsDuring.push(body.result);
    }

    // Assert
    expect(seen).toEqual(['a', 'bc']);
    expect(resultsDuring).toEqual([undefined, undefined]);
    expect(body.chunks).toEqual([
      { atMs: 1, bytes: 1 },
      { atMs: 2, bytes: 2 },
    ]);
    expect(body.result).toMatchObject({ ttfbMs: 1, ttlbMs: 3, bytes: 3 });
  });

  it('leaves the result undefined when the source fails', async () => {
    // Arrange
    async function* failing(): AsyncGenerator<string> {
      yield 'a';
      throw new Error('connection reset');
    }
    const body = timed(failing(), { startMs: 0, now: clock(1, 2) });

    // Act
    const consuming = (async () => {
      for await (const _ of body) {
        // drain
      }
    })();

    // Assert
    await expect(consuming).rejects.toThrow('connection reset');
    expect(body.result).toBeUndefined();
    expect(body.chunks).toEqual([{ atMs: 1, bytes: 1 }]);
  });
});
