import {
  createContext,
  createResponseStream,
  functionUrlEvent,
  invokeStreamingHandler,
  runtimeFromEnvironment,
  sampleEvent,
} from '@lambda-streaming/testing';
import type { LambdaFunctionURLEvent } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler } from '../src/handler.js';
import { PAD_BYTES } from '../src/page.js';

/** The runtime the template names (vitest.config.ts sets AWS_EXECUTION_ENV from it). */
const runtime = runtimeFromEnvironment();

/** Starts the handler and reports, through `isFinished()`, whether its promise has settled. */
function start(request: string | LambdaFunctionURLEvent = '/') {
  const stream = createResponseStream({ runtime });
  let finished = false;
  const event = typeof request === 'string' ? functionUrlEvent({ path: request }) : request;
  const done = handler(event, stream, createContext({ runtime, timeoutMs: 30_000 }));
  void done.then(() => {
    finished = true;
  });
  return { stream, done, isFinished: () => finished };
}

const withoutComments = (html: string) => html.replace(/<!--[\s\S]*?-->\n/g, '');

describe('ttfb-write handler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it('sends status 200, the HTML content type and the pattern header in the prelude', async () => {
    // Arrange
    const { stream, done } = start();

    // Act
    await vi.runAllTimersAsync();
    await done;

    // Assert
    expect(stream.prelude()).toEqual({
      statusCode: 200,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'x-pattern': 'ttfb-write',
      },
    });
  });

  it('streams the whole page in five writes, from doctype to closing html tag', async () => {
    // Arrange
    const { stream, done } = start();

    // Act
    await vi.runAllTimersAsync();
    await done;

    // Assert
    const html = stream.text();
    expect(html).toMatch(/^<!doctype html>\n/);
    expect(html.match(/<section>/g)).toHaveLength(4);
    expect(html).toMatch(/<\/main>\n<\/body>\n<\/html>\n$/);
    expect(stream.chunks()).toHaveLength(5);
    expect(stream.finishedAt).toBeDefined();
  });

  it('writes the first chunk before the handler has finished', async () => {
    // Arrange
    const { stream, done, isFinished } = start();

    // Act
    await vi.advanceTimersByTimeAsync(10);

    // Assert
    expect(stream.chunks().length).toBeGreaterThanOrEqual(1);
    expect(stream.chunks()[0]?.data.toString()).toContain(
      '<h1>Time to first byte with write()</h1>',
    );
    expect(isFinished()).toBe(false);
    await vi.runAllTimersAsync();
    await done;
    expect(isFinished()).toBe(true);
  });

  it('writes one more section each second', async () => {
    // Arrange
    const { stream, done } = start();
    await vi.advanceTimersByTimeAsync(10);
    const counts = [stream.chunks().length];

    // Act
    for (let second = 1; second <= 4; second++) {
      await vi.advanceTimersByTimeAsync(1000);
      counts.push(stream.chunks().length);
    }
    await done;

    // Assert
    expect(counts).toEqual([1, 2, 3, 4, 5]);
    const seconds = stream.chunks().map((chunk) => chunk.at - (stream.chunks()[0]?.at ?? 0));
    expect(seconds).toEqual([0, 1000, 2000, 3000, 4000]);
  });

  it('pads the early chunks to 100 KiB with ?pad=1 and renders the same page', async () => {
    // Arrange
    const plain = start('/');
    const padded = start('/?pad=1');

    // Act
    await vi.runAllTimersAsync();
    await Promise.all([plain.done, padded.done]);

    // Assert
    const chunks = padded.stream.chunks();
    expect(chunks).toHaveLength(5);
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.data.length).toBeGreaterThanOrEqual(PAD_BYTES);
    }
    expect(withoutComments(padded.stream.text())).toBe(plain.stream.text());
  });

  it('serves the sample events: the plain page, and with ?pad=1 the padded one', async () => {
    // Arrange: the requests of events/, as a function URL delivers them.
    const event = (file: string) => sampleEvent(new URL(`../${file}`, import.meta.url));
    const plain = start(await event('events/function-url-get.json'));
    const padded = start(await event('events/function-url-get-padded.json'));

    // Act
    await vi.runAllTimersAsync();
    await Promise.all([plain.done, padded.done]);

    // Assert
    expect(plain.stream.prelude()?.statusCode).toBe(200);
    expect(plain.stream.chunks()[0]?.data.length).toBeLessThan(PAD_BYTES);
    expect(padded.stream.chunks()[0]?.data.length).toBeGreaterThanOrEqual(PAD_BYTES);
    expect(withoutComments(padded.stream.text())).toBe(plain.stream.text());
  });

  it('pads by default when PAD_CHUNKS is true, unless the request says pad=0', async () => {
    // Arrange
    vi.stubEnv('PAD_CHUNKS', 'true');
    const byDefault = start('/');
    const optedOut = start('/?pad=0');

    // Act
    await vi.runAllTimersAsync();
    await Promise.all([byDefault.done, optedOut.done]);

    // Assert
    expect(byDefault.stream.chunks()[0]?.data.length).toBeGreaterThanOrEqual(PAD_BYTES);
    expect(optedOut.stream.chunks()[0]?.data.length).toBeLessThan(PAD_BYTES);
  });

  it('streams the whole page when its runtime runs it, and leaves nothing for the runtime to report', async () => {
    // Arrange: the runtime's own checks and view of the stream, with the template's semantics.
    const event = functionUrlEvent({ path: '/' });

    // Act
    const running = invokeStreamingHandler(handler, event, { runtime, timeoutMs: 30_000 });
    await vi.advanceTimersByTimeAsync(5000);
    const result = await running;

    // Assert
    expect(result.runtime).toBe(runtime);
    expect(result.end).toEqual({ kind: 'complete' });
    expect(result.prelude?.statusCode).toBe(200);
    expect(result.chunks).toHaveLength(5);
    expect(result.log).toEqual([]);
  });

  it('answers 400 before the first byte when pad is neither 1 nor 0', async () => {
    // Arrange
    const { stream, done } = start('/?pad=yes');

    // Act
    await done;

    // Assert
    expect(stream.prelude()?.statusCode).toBe(400);
    expect(stream.prelude()?.headers?.['content-type']).toBe('text/plain; charset=utf-8');
    expect(stream.text()).toBe('pad must be 1 or 0\n');
  });
});
