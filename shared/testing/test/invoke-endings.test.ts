import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { functionUrlEvent, invokeStreamingHandler, type NodeRuntime } from '../src/index.js';

afterEach(() => {
  vi.useRealTimers();
});

const RUNTIMES: NodeRuntime[] = ['nodejs22.x', 'nodejs24.x'];

describe.each(RUNTIMES)('how the stream ended, on %s', (runtime) => {
  it('completes: prelude with cookies, chunks in order, the end', async () => {
    // Arrange
    const handler = awslambda.streamifyResponse(async (_event, responseStream) => {
      const http = awslambda.HttpResponseStream.from(responseStream, {
        statusCode: 201,
        headers: { 'content-type': 'text/plain' },
        cookies: ['a=1; Path=/'],
      });
      http.write('one ');
      http.write('two');
      http.end();
    });

    // Act
    const result = await invokeStreamingHandler(handler, functionUrlEvent(), { runtime });

    // Assert
    expect(result.prelude).toEqual({
      statusCode: 201,
      headers: { 'content-type': 'text/plain' },
      cookies: ['a=1; Path=/'],
    });
    expect(result.chunks.map((chunk) => chunk.data.toString())).toEqual(['one ', 'two']);
    expect(result.end).toEqual({ kind: 'complete' });
    expect(result.stream.trailers).toBeUndefined();
  });

  it('hands the handler the runtime view of the stream, not a Writable', async () => {
    // Arrange
    let seen: unknown;
    const handler = awslambda.streamifyResponse(async (_event, responseStream) => {
      seen = responseStream;
      responseStream.end();
    });

    // Act
    await invokeStreamingHandler(handler, {}, { runtime });

    // Assert
    expect(seen).not.toBeInstanceOf(Writable);
    expect(typeof (seen as { setContentType: unknown }).setContentType).toBe('function');
    expect('writableBuffer' in (seen as object)).toBe(runtime === 'nodejs22.x');
  });

  it('sends the error trailers when the handler throws before the first byte', async () => {
    // Arrange
    const handler = awslambda.streamifyResponse(async (_event, responseStream) => {
      awslambda.HttpResponseStream.from(responseStream, { statusCode: 200 });
      throw new TypeError('early boom');
    });

    // Act
    const result = await invokeStreamingHandler(handler, {}, { runtime });

    // Assert
    expect(result.end.kind).toBe('error-before-first-byte');
    expect(result.end.error).toMatchObject({ errorType: 'TypeError', errorMessage: 'early boom' });
    expect(result.stream.bytes()).toHaveLength(0);
    expect(result.stream.trailers?.['Lambda-Runtime-Function-Error-Type']).toBe('TypeError');
    expect(result.log).toMatchObject([{ level: 'ERROR', message: 'Invoke Error' }]);
  });

  it('keeps what was sent and adds the trailers when the handler throws midstream', async () => {
    // Arrange
    const handler = awslambda.streamifyResponse(async (_event, responseStream) => {
      responseStream.write('partial');
      throw new Error('midstream');
    });

    // Act
    const result = await invokeStreamingHandler(handler, {}, { runtime });

    // Assert
    expect(result.text).toBe('partial');
    expect(result.end).toMatchObject({
      kind: 'error-after-first-byte',
      error: { errorType: 'Error', errorMessage: 'midstream' },
    });
    const body = result.stream.trailers?.['Lambda-Runtime-Function-Error-Body'] ?? '';
    expect(JSON.parse(Buffer.from(body, 'base64').toString())).toEqual(result.end.error);
  });

  it('times out a stream that is never ended, keeping the bytes already sent', async () => {
    // Arrange
    vi.useFakeTimers({ now: 0 });
    const handler = awslambda.streamifyResponse(async (_event, responseStream) => {
      responseStream.write('started');
    });

    // Act
    const running = invokeStreamingHandler(handler, {}, { runtime, timeoutMs: 1000 });
    await vi.advanceTimersByTimeAsync(1000);
    const result = await running;

    // Assert
    expect(result.end).toEqual({
      kind: 'timeout',
      error: { errorType: 'Sandbox.Timedout', errorMessage: 'Task timed out after 1.00 seconds' },
    });
    expect(result.text).toBe('started');
    expect(result.timedOut).toBe(true);
    expect(result.doneAt).toBe(1000);
  });

  it('reports a stream destroyed by a failed pipeline', async () => {
    // Arrange
    const handler = awslambda.streamifyResponse(async (_event, responseStream) => {
      const source = new Readable({ read() {} });
      source.push('first');
      setImmediate(() => source.destroy(new Error('source failed')));
      await pipeline(source, responseStream);
    });

    // Act
    const result = await invokeStreamingHandler(handler, {}, { runtime });

    // Assert
    expect(result.end).toMatchObject({
      kind: 'destroyed',
      error: { errorMessage: 'source failed' },
    });
    expect(result.text).toBe('first');
    expect(result.stream.trailers).toBeUndefined();
  });

  it('logs a warning for a resolved value and ignores it', async () => {
    // Arrange
    const handler = awslambda.streamifyResponse(async (_event, responseStream) => {
      responseStream.end('x');
      return { statusCode: 200 } as never;
    });

    // Act
    const result = await invokeStreamingHandler(handler, {}, { runtime });

    // Assert
    expect(result.end).toEqual({ kind: 'complete' });
    expect(result.log).toEqual([
      { level: 'WARN', message: 'Streaming handlers ignore return values.' },
    ]);
  });
});
