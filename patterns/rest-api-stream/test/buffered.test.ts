import { isStreamingHandler } from '@lambda-streaming/streaming/wire';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler } from '../src/buffered.js';
import { handler as streamingHandler } from '../src/handler.js';
import { SECTION_WORK_MS, SECTIONS, wholeReport } from '../src/report.js';
import { CALLER_ARN, signedGet, withQuery } from './events.js';

describe('rest-api-stream buffered handler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('returns the whole report in one proxy result, with the same headers as the stream', async () => {
    // Act
    const pending = handler(signedGet);
    await vi.runAllTimersAsync();
    const result = await pending;

    // Assert
    expect(result).toEqual({
      statusCode: 200,
      headers: {
        'content-type': 'text/markdown; charset=utf-8',
        'cache-control': 'no-store',
        'x-pattern': 'rest-api-stream',
      },
      body: wholeReport({ sections: SECTIONS.length, preparedFor: CALLER_ARN }),
    });
  });

  it('answers only when the last section is ready', async () => {
    // Arrange
    let result: APIGatewayProxyResult | undefined;
    void handler(signedGet).then((value) => {
      result = value;
    });

    // Act
    await vi.advanceTimersByTimeAsync(SECTIONS.length * SECTION_WORK_MS - 1);
    const beforeLast = result;
    await vi.advanceTimersByTimeAsync(1);

    // Assert
    expect(beforeLast).toBeUndefined();
    expect(result?.statusCode).toBe(200);
  });

  it('is a plain async handler, not a streaming one, so a BUFFERED integration can read its result', () => {
    // Assert: the runtime's own test, on the tag that streamifyResponse puts on a handler.
    expect(isStreamingHandler(streamingHandler)).toBe(true);
    expect(isStreamingHandler(handler)).toBe(false);
  });

  it('honours ?sections=N and refuses a bad value with 400 and a JSON message', async () => {
    // Act
    const two = handler(withQuery({ sections: '2' }));
    await vi.runAllTimersAsync();
    const bad = await handler(withQuery({ sections: 'all' }));

    // Assert
    expect((await two).body).toBe(wholeReport({ sections: 2, preparedFor: CALLER_ARN }));
    expect(bad).toEqual({
      statusCode: 400,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'sections must be a whole number from 1 to 5' }),
    });
  });
});
