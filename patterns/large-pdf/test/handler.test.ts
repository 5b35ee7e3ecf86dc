import { createHash } from 'node:crypto';
import type { StreamingHandler } from '@lambda-streaming/streaming';
import {
  createContext,
  createResponseStream,
  functionUrlEvent,
  invokeStreamingHandler,
  runtimeFromEnvironment,
  sampleEvent,
} from '@lambda-streaming/testing';
import type { LambdaFunctionURLEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadBuiltHandler, readBuiltGuide } from './built-guide.js';

/** The runtime the template names (vitest.config.ts sets AWS_EXECUTION_ENV from it). */
const runtime = runtimeFromEnvironment();

/** The largest response a buffered (non-streaming) invocation may return. */
const BUFFERED_LIMIT = 6_291_556;
/** Chunk size of `fs.createReadStream`. */
const READ_CHUNK = 64 * 1024;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('large-pdf handler', () => {
  let handler: StreamingHandler<LambdaFunctionURLEvent>;
  let guide: Buffer;

  beforeAll(async () => {
    handler = await loadBuiltHandler();
    guide = await readBuiltGuide();
  });

  it('sends status 200 and PDF download headers before the body', async () => {
    // Arrange: the request `curl` sends to the function URL, as in events/.
    const event = await sampleEvent(new URL('../events/function-url-get.json', import.meta.url));
    const stream = createResponseStream({ runtime });

    // Act
    await handler(event, stream, createContext({ runtime }));

    // Assert
    expect(stream.prelude()).toEqual({
      statusCode: 200,
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': 'attachment; filename="lambda-streaming-field-guide.pdf"',
      },
    });
  });

  it('streams the built file byte for byte, more than a buffered response could carry', async () => {
    // Arrange
    const stream = createResponseStream({ runtime });

    // Act
    await handler(functionUrlEvent(), stream, createContext({ runtime }));

    // Assert
    const body = stream.body();
    expect(body.length).toBeGreaterThan(BUFFERED_LIMIT);
    expect(sha256(body)).toBe(sha256(guide));
    expect(stream.writableEnded).toBe(true);
  });

  it('delivers the file in many chunks, the first while the handler is still running', async () => {
    // Arrange: a client that takes 1 ms per chunk, so the handler needs over 100 ms.
    const stream = createResponseStream({ runtime, writeDelayMs: 1 });
    let finished = false;

    // Act
    const running = handler(functionUrlEvent(), stream, createContext({ runtime })).then(() => {
      finished = true;
    });
    await vi.waitFor(() => expect(stream.chunks().length).toBeGreaterThan(0), { interval: 1 });
    const finishedAtFirstChunk = finished;
    await running;

    // Assert
    expect(finishedAtFirstChunk).toBe(false);
    const chunks = stream.chunks();
    expect(chunks.length).toBeGreaterThanOrEqual(Math.ceil(guide.length / READ_CHUNK));
    expect(chunks[0]?.at).toBeLessThan(stream.finishedAt ?? 0);
  });

  it('waits for a slow client instead of buffering the file in memory', async () => {
    // Arrange: a small buffer and a slow client; record the buffer after every write.
    const stream = createResponseStream({ runtime, highWaterMark: 16 * 1024, writeDelayMs: 1 });
    const write = stream.write.bind(stream);
    let mostBuffered = 0;
    stream.write = ((...args: Parameters<typeof write>) => {
      const accepted = write(...args);
      mostBuffered = Math.max(mostBuffered, stream.writableLength);
      return accepted;
    }) as typeof stream.write;

    // Act
    await handler(functionUrlEvent(), stream, createContext({ runtime }));

    // Assert: never more than a couple of read chunks waiting, out of a 7 MB file.
    expect(mostBuffered).toBeGreaterThan(0);
    expect(mostBuffered).toBeLessThanOrEqual(2 * READ_CHUNK);
    expect(sha256(stream.body())).toBe(sha256(guide));
  });

  it('streams the whole file when its runtime runs it, and leaves nothing for the runtime to report', async () => {
    // Arrange: the runtime's own checks and view of the stream, with the template's semantics.
    const event = functionUrlEvent();

    // Act
    const result = await invokeStreamingHandler(handler, event, { runtime, timeoutMs: 30_000 });

    // Assert
    expect(result.runtime).toBe(runtime);
    expect(result.end).toEqual({ kind: 'complete' });
    expect(sha256(result.stream.body())).toBe(sha256(guide));
    expect(result.log).toEqual([]);
  });
});
