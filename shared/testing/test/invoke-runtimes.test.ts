import { describe, expect, it } from 'vitest';
import { invokeStreamingHandler } from '../src/index.js';

const CALLBACK_MESSAGE =
  'ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24. You need to modify this function to use a supported handler signature to use Node.js 24 or later. For more information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html.';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('what differs between nodejs22.x and nodejs24.x', () => {
  it('refuses a callback-style handler at init on nodejs24.x only', async () => {
    // Arrange
    const callbackHandler = (_event: unknown, _context: unknown, callback: () => void) =>
      callback();

    // Act
    const on24 = await invokeStreamingHandler(callbackHandler, {}, { runtime: 'nodejs24.x' });
    const on22 = invokeStreamingHandler(callbackHandler, {}, { runtime: 'nodejs22.x' });

    // Assert
    expect(on24.end).toEqual({
      kind: 'init-error',
      error: {
        errorType: 'Runtime.CallbackHandlerDeprecated',
        errorMessage: CALLBACK_MESSAGE,
        trace: expect.any(Array),
      },
    });
    expect(on24.log[0]).toMatchObject({ level: 'ERROR', message: 'Init Error' });
    await expect(on22).rejects.toThrow(/runs streaming handlers: wrap the handler/);
  });

  it('refuses a malformed streaming tag at init: a ReferenceError on nodejs22.x, as 3.3.0 lacks the class', async () => {
    // Arrange
    const handler = Object.assign(async () => {}, {
      [Symbol.for('aws.lambda.runtime.handler.streaming')]: 'request',
    });

    // Act
    const on22 = await invokeStreamingHandler(handler, {}, { runtime: 'nodejs22.x' });
    const on24 = await invokeStreamingHandler(handler, {}, { runtime: 'nodejs24.x' });

    // Assert
    expect(on22.end).toMatchObject({
      kind: 'init-error',
      error: {
        errorType: 'ReferenceError',
        errorMessage: 'MalformedStreamingHandler is not defined',
      },
    });
    expect(on24.end).toMatchObject({
      kind: 'init-error',
      error: {
        errorType: 'Runtime.MalformedStreamingHandler',
        errorMessage: 'Only response streaming is supported.',
      },
    });
  });

  it('reports a non-async handler as a string on nodejs22.x and as an Error on nodejs24.x', async () => {
    // Arrange
    const handler = awslambda.streamifyResponse(((
      _event: unknown,
      responseStream: awslambda.HttpResponseStream,
    ) => {
      responseStream.write('sync');
    }) as never);

    // Act
    const on22 = await invokeStreamingHandler(handler, {}, { runtime: 'nodejs22.x' });
    const on24 = await invokeStreamingHandler(handler, {}, { runtime: 'nodejs24.x' });

    // Assert
    const message = 'Streaming does not support non-async handlers.';
    expect(on22.end).toEqual({
      kind: 'non-async-handler',
      error: { errorType: 'string', errorMessage: message, trace: [] },
    });
    expect(on24.end).toMatchObject({
      kind: 'non-async-handler',
      error: { errorType: 'Error', errorMessage: message },
    });
    expect(on22.text).toBe('sync');
  });

  it('sends nothing for a non-async handler that had ended its stream: the client sees it complete', async () => {
    // Arrange
    const handler = awslambda.streamifyResponse(((
      _event: unknown,
      responseStream: awslambda.HttpResponseStream,
    ) => {
      responseStream.end('done');
    }) as never);

    // Act
    const result = await invokeStreamingHandler(handler, {}, { runtime: 'nodejs22.x' });

    // Assert
    expect(result.end).toEqual({ kind: 'non-async-handler' });
    expect(result.text).toBe('done');
    expect(result.log).toMatchObject([{ message: 'Invoke Error', error: { errorType: 'string' } }]);
  });

  it('formats thrown non-errors as each runtime does', async () => {
    // Arrange
    const throwing = (value: unknown) =>
      awslambda.streamifyResponse(async () => {
        throw value;
      });

    // Act
    const undefined22 = await invokeStreamingHandler(
      throwing(undefined),
      {},
      { runtime: 'nodejs22.x' },
    );
    const undefined24 = await invokeStreamingHandler(
      throwing(undefined),
      {},
      { runtime: 'nodejs24.x' },
    );
    const text22 = await invokeStreamingHandler(
      throwing('a string'),
      {},
      { runtime: 'nodejs22.x' },
    );

    // Assert
    expect(undefined22.end.error).toEqual({
      errorType: 'handled',
      errorMessage:
        'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack',
    });
    expect(undefined24.end.error).toEqual({
      errorType: 'undefined',
      errorMessage: 'undefined',
      trace: [],
    });
    expect(text22.end.error).toEqual({ errorType: 'string', errorMessage: 'a string', trace: [] });
  });

  it('waits for work left running after the stream ended on nodejs22.x, not on nodejs24.x', async () => {
    // Arrange
    const flushed: string[] = [];
    const handler = awslambda.streamifyResponse(async (_event, responseStream, context) => {
      responseStream.end('body');
      setTimeout(() => flushed.push(context.functionVersion), 50);
    });

    // Act
    const on24 = await invokeStreamingHandler(handler, {}, { runtime: 'nodejs24.x' });
    const flushedAfter24 = flushed.length;
    await sleep(100);
    const on22 = await invokeStreamingHandler(handler, {}, { runtime: 'nodejs22.x' });
    const flushedAfter22 = flushed.length;

    // Assert
    expect(on24.waitedForEmptyEventLoop).toBe(false);
    expect(flushedAfter24).toBe(0);
    expect(on22.waitedForEmptyEventLoop).toBe(true);
    expect(flushedAfter22).toBe(2);
    expect(on22.end).toEqual({ kind: 'complete' });
  });

  it('does not wait on nodejs22.x when the handler sets callbackWaitsForEmptyEventLoop = false', async () => {
    // Arrange
    let flushed = false;
    const handler = awslambda.streamifyResponse(async (_event, responseStream, context) => {
      context.callbackWaitsForEmptyEventLoop = false;
      responseStream.end();
      setTimeout(() => {
        flushed = true;
      }, 50);
    });

    // Act
    const result = await invokeStreamingHandler(handler, {}, { runtime: 'nodejs22.x' });

    // Assert
    expect(result.waitedForEmptyEventLoop).toBe(false);
    expect(flushed).toBe(false);
    await sleep(60);
  });

  it('times out on nodejs22.x when the work left running outlasts the timeout, after a complete stream', async () => {
    // Arrange
    const handler = awslambda.streamifyResponse(async (_event, responseStream) => {
      responseStream.end('sent');
      setTimeout(() => {}, 400);
    });

    // Act
    const result = await invokeStreamingHandler(
      handler,
      {},
      { runtime: 'nodejs22.x', timeoutMs: 100 },
    );

    // Assert
    expect(result.end).toEqual({ kind: 'complete' });
    expect(result.timedOut).toBe(true);
    expect(result.doneAt - result.startedAt).toBeGreaterThanOrEqual(100);
  });
});
