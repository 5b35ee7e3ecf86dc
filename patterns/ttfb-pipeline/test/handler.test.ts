import { constants, gunzipSync } from 'node:zlib';
import {
  createContext,
  createResponseStream,
  functionUrlEvent,
  invokeStreamingHandler,
  runtimeFromEnvironment,
  sampleEvent,
} from '@lambda-streaming/testing';
import type { LambdaFunctionURLEvent } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handler } from '../src/handler.js';
import { readings } from '../src/readings.js';

/** The runtime the template names (vitest.config.ts sets AWS_EXECUTION_ENV from it). */
const runtime = runtimeFromEnvironment();

/** Starts the handler and reports, through `isFinished()`, whether its promise has settled. */
function start(request: string | LambdaFunctionURLEvent) {
  const stream = createResponseStream({ runtime });
  let finished = false;
  const event = typeof request === 'string' ? functionUrlEvent({ path: request }) : request;
  const done = handler(event, stream, createContext({ runtime, timeoutMs: 30_000 }));
  void done.then(() => {
    finished = true;
  });
  return { stream, done, isFinished: () => finished };
}

const ndjson = (count: number) =>
  [...readings(count)].map((reading) => `${JSON.stringify(reading)}\n`).join('');

/** Decompresses what has arrived so far, as a client reading the stream would. */
const gunzipSoFar = (bytes: Buffer) =>
  gunzipSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8');

/**
 * Lets real I/O run while the clock stays fake: gzip compresses on libuv's thread pool, which
 * fake timers do not drive. Gives up after two real seconds.
 */
async function until(condition: () => boolean): Promise<void> {
  const deadline = performance.now() + 2000;
  while (!condition() && performance.now() < deadline) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('ttfb-pipeline handler', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends status 200 and a gzip file with its name in the prelude', async () => {
    // Arrange
    const { stream, done } = start('/?count=3&intervalMs=0');

    // Act
    await done;

    // Assert
    expect(stream.prelude()).toEqual({
      statusCode: 200,
      headers: {
        'content-type': 'application/gzip',
        'content-disposition': 'attachment; filename="readings.ndjson.gz"',
        'cache-control': 'no-store',
        'x-pattern': 'ttfb-pipeline',
      },
    });
  });

  it('streams a body that gunzips to exactly the source records, in several chunks', async () => {
    // Arrange
    const { stream, done } = start('/?count=25&intervalMs=0');

    // Act
    await done;

    // Assert
    expect(gunzipSync(stream.body()).toString('utf8')).toBe(ndjson(25));
    expect(stream.chunks().length).toBeGreaterThan(1);
    expect(stream.finishedAt).toBeDefined();
  });

  it('sends the first record compressed before the source makes the second', async () => {
    // Arrange
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { stream, done, isFinished } = start('/?count=5&intervalMs=1000');
    const [firstLine] = ndjson(5).split(/(?<=\n)/);

    // Act: the clock stands still, so only the first record exists yet.
    await until(() => gunzipSoFar(stream.body()).length > 0);

    // Assert
    expect(stream.chunks().length).toBeGreaterThanOrEqual(1);
    expect(gunzipSoFar(stream.body())).toBe(firstLine);
    expect(isFinished()).toBe(false);

    // Act: one more interval, one more record.
    await vi.advanceTimersByTimeAsync(1000);
    await until(() => gunzipSoFar(stream.body()).split('\n').length > 2);

    // Assert
    expect(gunzipSoFar(stream.body())).toBe(ndjson(2));
    expect(isFinished()).toBe(false);

    await vi.advanceTimersByTimeAsync(3000);
    await done;
    expect(gunzipSync(stream.body()).toString('utf8')).toBe(ndjson(5));
  });

  it('streams all twenty records of the sample request, four a second', async () => {
    // Arrange: ?count=20&intervalMs=250, as a function URL delivers it (events/).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const event = await sampleEvent(new URL('../events/function-url-get.json', import.meta.url));
    const { stream, done, isFinished } = start(event);

    // Act: 19 intervals of 250 ms after the first record.
    await vi.advanceTimersByTimeAsync(19 * 250 - 1);
    const finishedEarly = isFinished();
    await vi.advanceTimersByTimeAsync(1);
    await done;

    // Assert
    expect(finishedEarly).toBe(false);
    expect(gunzipSync(stream.body()).toString('utf8')).toBe(ndjson(20));
  });

  it.each([
    ['/?count=0', 'count must be a whole number from 1 to 1000\n'],
    ['/?intervalMs=soon', 'intervalMs must be a whole number from 0 to 2000\n'],
    ['/?count=1000&intervalMs=1000', 'count × intervalMs must be at most 20000 ms (got 1000000)\n'],
  ])('answers %s with 400 and a reason, before any record', async (path, message) => {
    // Arrange
    const { stream, done } = start(path);

    // Act
    await done;

    // Assert
    expect(stream.prelude()).toEqual({
      statusCode: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
    expect(stream.text()).toBe(message);
  });

  it('streams the whole gzip file when its runtime runs it, and leaves nothing for the runtime to report', async () => {
    // Arrange: the runtime's own checks and view of the stream, with the template's semantics.
    const event = functionUrlEvent({ path: '/?count=3&intervalMs=0' });

    // Act
    const result = await invokeStreamingHandler(handler, event, { runtime, timeoutMs: 30_000 });

    // Assert
    expect(result.runtime).toBe(runtime);
    expect(result.end).toEqual({ kind: 'complete' });
    expect(gunzipSync(result.stream.body()).toString('utf8')).toBe(ndjson(3));
    expect(result.log).toEqual([]);
  });
});
