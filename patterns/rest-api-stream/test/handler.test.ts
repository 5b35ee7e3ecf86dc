import { createContext, createResponseStream, sampleEvent } from '@lambda-streaming/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler } from '../src/handler.js';
import { LINE_INTERVAL_MS, LINES } from '../src/lines.js';

/** The request `curl` sends to the function URL, as the function receives it. */
const event = await sampleEvent(new URL('../events/function-url-get.json', import.meta.url));

/** Starts the handler and reports, through `isFinished()`, whether its promise has settled. */
function start() {
  const stream = createResponseStream();
  let finished = false;
  const done = handler(event, stream, createContext({ timeoutMs: 10_000 }));
  void done.then(() => {
    finished = true;
  });
  return { stream, done, isFinished: () => finished };
}

describe('rest-api-stream handler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends status 200, a plain-text content type and the pattern header in the prelude', async () => {
    // Arrange
    const { stream, done } = start();

    // Act
    await vi.runAllTimersAsync();
    await done;

    // Assert
    expect(stream.prelude()).toEqual({
      statusCode: 200,
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        'x-pattern': 'rest-api-stream',
      },
    });
  });

  it('streams every line in order, one write each, then ends the stream', async () => {
    // Arrange
    const { stream, done } = start();

    // Act
    await vi.runAllTimersAsync();
    await done;

    // Assert
    expect(stream.text()).toBe(LINES.map((line) => `${line}\n`).join(''));
    expect(stream.chunks()).toHaveLength(LINES.length);
    expect(stream.writableEnded).toBe(true);
  });

  it('writes the first line before the handler has finished', async () => {
    // Arrange
    const { stream, done, isFinished } = start();

    // Act
    await vi.advanceTimersByTimeAsync(0);

    // Assert
    expect(stream.text()).toBe(`${LINES[0]}\n`);
    expect(isFinished()).toBe(false);
    await vi.runAllTimersAsync();
    await done;
    expect(isFinished()).toBe(true);
  });

  it('writes one more line every interval', async () => {
    // Arrange
    const { stream, done } = start();
    await vi.advanceTimersByTimeAsync(0);
    const counts = [stream.chunks().length];

    // Act
    for (let step = 1; step < LINES.length; step++) {
      await vi.advanceTimersByTimeAsync(LINE_INTERVAL_MS);
      counts.push(stream.chunks().length);
    }
    await done;

    // Assert
    expect(counts).toEqual([1, 2, 3, 4, 5]);
    const start0 = stream.chunks()[0]?.at ?? 0;
    expect(stream.chunks().map((chunk) => chunk.at - start0)).toEqual(
      LINES.map((_, index) => index * LINE_INTERVAL_MS),
    );
  });
});
