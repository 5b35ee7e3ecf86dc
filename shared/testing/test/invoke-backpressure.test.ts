import { describe, expect, it } from 'vitest';
import { createResponseStream, invokeStreamingHandler, type NodeRuntime } from '../src/index.js';

const RUNTIMES: NodeRuntime[] = ['nodejs22.x', 'nodejs24.x'];

describe.each(RUNTIMES)('backpressure from a paused reader, on %s', (runtime) => {
  it('refuses a write once the buffer is full, and the handler waits for drain until the reader resumes', async () => {
    // Arrange
    const steps: string[] = [];
    const handler = awslambda.streamifyResponse(async (_event, responseStream) => {
      for (const part of ['aaaa', 'bbbb', 'cccc']) {
        if (!responseStream.write(part)) {
          steps.push(`refused ${part}`);
          await new Promise((resolve) => responseStream.once('drain', resolve));
          steps.push('drained');
        }
      }
      responseStream.end();
    });
    const stream = createResponseStream({ runtime, highWaterMark: 4, paused: true });

    // Act
    const running = invokeStreamingHandler(handler, {}, { runtime, stream });
    await stream.backpressured();
    await new Promise((resolve) => setImmediate(resolve));
    const whilePaused = [...steps];
    steps.push('resumed');
    stream.resumeReading();
    const result = await running;

    // Assert
    expect(whilePaused).toEqual(['refused aaaa']);
    expect(steps.slice(0, 3)).toEqual(['refused aaaa', 'resumed', 'drained']);
    expect(result.stream.writes[0]).toMatchObject({ length: 4, accepted: false });
    expect(result.chunks.map((chunk) => chunk.data.toString())).toEqual(['aaaa', 'bbbb', 'cccc']);
    expect(result.end).toEqual({ kind: 'complete' });
  });

  it('times out a handler that waits for a drain that never comes', async () => {
    // Arrange
    const handler = awslambda.streamifyResponse(async (_event, responseStream) => {
      if (!responseStream.write('too much')) {
        await new Promise((resolve) => responseStream.once('drain', resolve));
      }
      responseStream.end();
    });
    const stream = createResponseStream({ runtime, highWaterMark: 4, paused: true });

    // Act
    const result = await invokeStreamingHandler(handler, {}, { runtime, stream, timeoutMs: 50 });

    // Assert
    expect(result.end.kind).toBe('timeout');
    expect(result.stream.writes).toEqual([expect.objectContaining({ accepted: false })]);
  });

  it('refuses a stream made for the other runtime', async () => {
    // Arrange
    const other = runtime === 'nodejs22.x' ? 'nodejs24.x' : 'nodejs22.x';
    const stream = createResponseStream({ runtime: other });
    const handler = awslambda.streamifyResponse(async () => {});

    // Act
    const act = invokeStreamingHandler(handler, {}, { runtime, stream });

    // Assert
    await expect(act).rejects.toThrow(
      `create it with createResponseStream({ runtime: '${runtime}' })`,
    );
  });
});
