import { createContext, createResponseStream } from '@lambda-streaming/testing';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler } from '../src/handler.js';
import { SECTION_WORK_MS, SECTIONS, wholeReport } from '../src/report.js';
import { CALLER_ARN, signedGet, withQuery } from './events.js';

/** Starts the streaming handler; `isFinished()` tells whether its promise has settled. */
function start(event: APIGatewayProxyEvent = signedGet) {
  const stream = createResponseStream({ runtime: 'nodejs24.x' });
  let finished = false;
  const done = handler(event, stream, createContext({ timeoutMs: 120_000 }));
  void done.then(() => {
    finished = true;
  });
  return { stream, done, isFinished: () => finished };
}

describe('rest-api-stream streaming handler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends status 200 and the report headers in the prelude that API Gateway waits for', async () => {
    // Arrange
    const { stream, done } = start();

    // Act
    await vi.runAllTimersAsync();
    await done;

    // Assert
    expect(stream.prelude()).toEqual({
      statusCode: 200,
      headers: {
        'content-type': 'text/markdown; charset=utf-8',
        'cache-control': 'no-store',
        'x-pattern': 'rest-api-stream',
      },
    });
  });

  it('streams the title and every section, one write each, then ends the stream', async () => {
    // Arrange
    const { stream, done } = start();

    // Act
    await vi.runAllTimersAsync();
    await done;

    // Assert
    expect(stream.text()).toBe(wholeReport({ sections: SECTIONS.length, preparedFor: CALLER_ARN }));
    expect(stream.chunks()).toHaveLength(1 + SECTIONS.length);
    expect(stream.writableEnded).toBe(true);
  });

  it('sends the title while the first section is still being prepared', async () => {
    // Arrange
    const { stream, done, isFinished } = start();

    // Act
    await vi.advanceTimersByTimeAsync(0);

    // Assert
    expect(stream.text()).toContain(`Prepared for ${CALLER_ARN}.`);
    expect(stream.text()).not.toContain('## 1.');
    expect(isFinished()).toBe(false);
    await vi.runAllTimersAsync();
    await done;
  });

  it('sends each section as soon as it is ready, one every SECTION_WORK_MS', async () => {
    // Arrange
    const { stream, done } = start();
    await vi.advanceTimersByTimeAsync(0);
    const counts = [stream.chunks().length];

    // Act
    for (const _section of SECTIONS) {
      await vi.advanceTimersByTimeAsync(SECTION_WORK_MS);
      counts.push(stream.chunks().length);
    }
    await done;

    // Assert
    expect(counts).toEqual([1, 2, 3, 4, 5, 6]);
    const first = stream.chunks()[0]?.at ?? 0;
    expect(stream.chunks().map((chunk) => chunk.at - first)).toEqual(
      [0, ...SECTIONS.keys()].map((_, index) => index * SECTION_WORK_MS),
    );
  });

  it('stops after the number of sections asked for with ?sections=N', async () => {
    // Arrange
    const { stream, done } = start(withQuery({ sections: '2' }));

    // Act
    await vi.runAllTimersAsync();
    await done;

    // Assert
    expect(stream.text()).toBe(wholeReport({ sections: 2, preparedFor: CALLER_ARN }));
    expect(stream.writableEnded).toBe(true);
  });

  it('refuses a bad ?sections with 400 and a JSON message before the first byte of the report', async () => {
    // Arrange
    const { stream, done } = start(withQuery({ sections: '9' }));

    // Act
    await done;

    // Assert
    expect(stream.prelude()).toEqual({
      statusCode: 400,
      headers: { 'content-type': 'application/json' },
    });
    expect(JSON.parse(stream.text())).toEqual({
      message: 'sections must be a whole number from 1 to 5',
    });
    expect(stream.writableEnded).toBe(true);
  });
});
