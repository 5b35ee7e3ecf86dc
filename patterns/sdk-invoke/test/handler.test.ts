import {
  createContext,
  createResponseStream,
  invokeStreamingHandler,
  runtimeFromEnvironment,
  sampleEvent,
} from '@lambda-streaming/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler as happyPath } from '../src/handler.js';
import { handler as midstreamError } from '../src/midstream-error.js';
import {
  MIDSTREAM_ERROR_MESSAGE,
  sentence,
  WORD_INTERVAL_MS,
  WORDS,
  WORDS_BEFORE_ERROR,
} from '../src/words.js';

/** The runtime the template names (vitest.config.ts sets AWS_EXECUTION_ENV from it). */
const runtime = runtimeFromEnvironment();

/** What the client (client/main.ts) sends: an empty JSON object. */
const sdkEvent = await sampleEvent<Record<string, never>>(
  new URL('../events/sdk-invoke.json', import.meta.url),
);
/** What the function URL of each function sends for `curl -N <url>`. */
const urlEvent = await sampleEvent(new URL('../events/function-url-get.json', import.meta.url));

describe('sdk-invoke handler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  describe('HappyPathFunction', () => {
    it('streams the twelve words in order, one every 500 ms, as plain text', async () => {
      // Arrange
      const stream = createResponseStream({ runtime });
      let finished = false;

      // Act
      const running = happyPath(sdkEvent, stream, createContext({ runtime })).then(() => {
        finished = true;
      });
      await vi.advanceTimersByTimeAsync(0);
      const chunksAtStart = stream.chunks().length;
      const finishedAtStart = finished;
      await vi.advanceTimersByTimeAsync(WORD_INTERVAL_MS * (WORDS.length - 1));
      await running;

      // Assert
      expect(chunksAtStart).toBe(1);
      expect(finishedAtStart).toBe(false);
      const chunks = stream.chunks();
      expect(chunks.map((chunk) => chunk.data.toString().trim())).toEqual([...WORDS]);
      const start = chunks[0]?.at ?? 0;
      expect(chunks.map((chunk) => chunk.at - start)).toEqual(
        WORDS.map((_, index) => index * WORD_INTERVAL_MS),
      );
      expect(stream.text()).toBe(
        'This function is streaming the response back and now it is finished!\n',
      );
      expect(stream.contentType).toBe('text/plain; charset=utf-8');
      expect(stream.prelude()).toBeUndefined();
      expect(stream.writableEnded).toBe(true);
    });

    it('streams the same words to a function URL request, without an HTTP prelude', async () => {
      // Arrange
      const stream = createResponseStream({ runtime });

      // Act
      const running = happyPath(urlEvent, stream, createContext({ runtime }));
      await vi.runAllTimersAsync();
      await running;

      // Assert
      expect(stream.text()).toBe(sentence());
      expect(stream.chunks()).toHaveLength(WORDS.length);
      expect(stream.contentType).toBe('text/plain; charset=utf-8');
      expect(stream.prelude()).toBeUndefined();
    });
  });

  describe('MidstreamErrorFunction', () => {
    it('streams four words, then rejects with the error and leaves the stream to the runtime', async () => {
      // Arrange
      const stream = createResponseStream({ runtime });
      let failedAt: number | undefined;

      // Act
      const startedAt = Date.now();
      const outcome = midstreamError(sdkEvent, stream, createContext({ runtime })).then(
        () => undefined,
        (error: unknown) => {
          failedAt = Date.now();
          return error;
        },
      );
      await vi.advanceTimersByTimeAsync(WORD_INTERVAL_MS * WORDS_BEFORE_ERROR - 1);
      const chunksBeforeError = stream.chunks().length;
      const failedEarly = failedAt !== undefined;
      await vi.advanceTimersByTimeAsync(1);
      const error = await outcome;

      // Assert: the partial output was out before the error; the error comes with the fifth word.
      expect(chunksBeforeError).toBe(WORDS_BEFORE_ERROR);
      expect(failedEarly).toBe(false);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toBe(MIDSTREAM_ERROR_MESSAGE);
      expect(failedAt).toBe(startedAt + WORD_INTERVAL_MS * WORDS_BEFORE_ERROR);
      expect(stream.text()).toBe('This function is streaming ');
      expect(stream.chunks().length).toBe(WORDS_BEFORE_ERROR);
      // Not ended, not destroyed: the runtime ends the stream and attaches the error to it.
      expect(stream.writableEnded).toBe(false);
      expect(stream.destroyed).toBe(false);
    });

    it('ends with the error attached after the fourth word when its runtime runs it', async () => {
      // Arrange: the runtime's own view of the stream and error reporting, as the template names it.
      const running = invokeStreamingHandler(midstreamError, sdkEvent, { runtime });

      // Act
      await vi.advanceTimersByTimeAsync(WORD_INTERVAL_MS * WORDS_BEFORE_ERROR);
      const result = await running;

      // Assert: what InvokeComplete carries as ErrorCode and ErrorDetails.
      expect(result.end.kind).toBe('error-after-first-byte');
      expect(result.end.error).toMatchObject({
        errorType: 'Error',
        errorMessage: MIDSTREAM_ERROR_MESSAGE,
      });
      expect(result.text).toBe(sentence(WORDS_BEFORE_ERROR));
      expect(result.log.map((entry) => entry.message)).toEqual(['Invoke Error']);
    });
  });

  describe('TimeoutFunction (the happy-path code with Timeout: 1)', () => {
    it('has sent only the first two words when the 1 s timeout strikes', async () => {
      // Arrange
      const stream = createResponseStream({ runtime });
      let finished = false;

      // Act
      const running = happyPath(sdkEvent, stream, createContext({ runtime, timeoutMs: 1000 })).then(
        () => {
          finished = true;
        },
      );
      await vi.advanceTimersByTimeAsync(999);

      // Assert: Lambda stops the function here; these bytes are all a client gets.
      expect(stream.text()).toBe(sentence(2));
      expect(finished).toBe(false);

      await vi.runAllTimersAsync();
      await running;
    });

    it('reports Sandbox.Timedout after the first two words when its runtime runs it', async () => {
      // Arrange
      const running = invokeStreamingHandler(happyPath, sdkEvent, { runtime, timeoutMs: 1000 });

      // Act
      await vi.advanceTimersByTimeAsync(1000);
      const result = await running;

      // Assert
      expect(result.end).toEqual({
        kind: 'timeout',
        error: { errorType: 'Sandbox.Timedout', errorMessage: 'Task timed out after 1.00 seconds' },
      });
      expect(result.text).toBe(sentence(2));
      await vi.runAllTimersAsync();
    });
  });
});
