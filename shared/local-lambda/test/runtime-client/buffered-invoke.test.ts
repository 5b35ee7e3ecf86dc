import { describe, expect, it } from 'vitest';
import { bodyOf } from './helpers/fake-runtime-api.js';
import { useRuntimeHarness } from './helpers/harness.js';

const harness = useRuntimeHarness();

async function invokeBuffered(handler: string, event: unknown = { hello: 'world' }) {
  const api = harness.api();
  const runtime = harness.start(`buffered.${handler}`);
  const requestId = api.enqueue({ event });
  await api.waitFor(
    () => api.responses.get(requestId)?.endSeq !== undefined || api.errors.length > 0,
    'a /response or /error',
  );
  const response = api.responses.get(requestId);
  return {
    api,
    runtime,
    requestId,
    response,
    body: response && JSON.parse(bodyOf(response).toString()),
  };
}

describe('buffered handlers (RIC CallbackContext)', () => {
  it('posts an async handler result as JSON on /response', async () => {
    // Arrange / Act
    const { response, body } = await invokeBuffered('echo', { n: 1 });

    // Assert
    expect(body).toEqual({ received: { n: 1 } });
    expect(response?.headers['content-type']).toBe('application/json');
    expect(response?.headers['content-length']).toBe(String(bodyOf(response ?? never()).length));
    expect(response?.headers['lambda-runtime-function-response-mode']).toBeUndefined();
  });

  it('warns at init about callback-style handlers, as RIC does', async () => {
    // Arrange / Act
    const { runtime } = await invokeBuffered('callbackResult');

    // Assert
    await runtime.waitForStdout(
      /\tundefined\tWARN\tAWS Lambda plans to remove support for callback-based function handlers/,
    );
  });

  it('posts null for an undefined result', async () => {
    // Arrange / Act
    const { response } = await invokeBuffered('returnsUndefined');

    // Assert
    expect(bodyOf(response ?? never()).toString()).toBe('null');
  });

  it('posts a rejected error to /error with its trace and no error-type header', async () => {
    // Arrange / Act
    const { api, runtime } = await invokeBuffered('rejects');

    // Assert
    expect(api.errors[0]?.body).toMatchObject({
      errorType: 'RangeError',
      errorMessage: 'async boom',
    });
    expect((api.errors[0]?.body.trace as string[] | undefined)?.[0]).toBe('RangeError: async boom');
    expect(api.errors[0]?.headers['lambda-runtime-function-error-type']).toBeUndefined();
    expect(api.errors[0]?.status).toBe(202);
    await runtime.waitForStdout(
      /\treq-1\tERROR\tInvoke Error \t\{"errorType":"RangeError","errorMessage":"async boom","stack":\["RangeError: async boom",/,
    );
  });

  it('posts a synchronous throw to /error', async () => {
    // Arrange / Act
    const { api } = await invokeBuffered('throwsSync');

    // Assert
    expect(api.errors[0]?.body).toMatchObject({ errorType: 'Error', errorMessage: 'sync boom' });
  });

  it.each([
    ['callbackResult', { style: 'callback' }],
    ['contextSucceed', 'succeeded'],
    ['contextDone', 'done'],
  ])('posts the result given to %s', async (handler, expected) => {
    // Arrange / Act
    const { body } = await invokeBuffered(handler);

    // Assert
    expect(body).toEqual(expected);
  });

  it.each([
    ['callbackError', 'callback boom'],
    ['contextFail', 'failed via context'],
  ])('posts the error given to %s', async (handler, message) => {
    // Arrange / Act
    const { api } = await invokeBuffered(handler);

    // Assert
    expect(api.errors[0]?.body).toMatchObject({ errorType: 'Error', errorMessage: message });
  });

  it('posts null once the event loop is empty when a sync handler never calls back', async () => {
    // Arrange / Act
    const { response } = await invokeBuffered('syncNoCallback');

    // Assert
    expect(bodyOf(response ?? never()).toString()).toBe('null');
  });

  it('fails with Runtime.NodeJsExit when an async handler never settles', async () => {
    // Arrange / Act
    const { api } = await invokeBuffered('neverSettles');

    // Assert
    expect(api.errors[0]?.body).toMatchObject({ errorType: 'Runtime.NodeJsExit' });
  });

  it('fails when the result cannot be serialised', async () => {
    // Arrange / Act
    const { api } = await invokeBuffered('circular');

    // Assert
    expect(api.errors[0]?.body).toMatchObject({
      errorType: 'Error',
      errorMessage: 'Unable to stringify response body',
    });
  });

  it('gives buffered handlers the callback context members', async () => {
    // Arrange / Act
    const { body, requestId } = await invokeBuffered('context');

    // Assert
    expect(body.types).toEqual({ succeed: 'function', fail: 'function', done: 'function' });
    expect(body.keys.slice(0, 4)).toEqual([
      'callbackWaitsForEmptyEventLoop',
      'succeed',
      'fail',
      'done',
    ]);
    expect(body.awsRequestId).toBe(requestId);
    expect(body.remaining).toBeGreaterThan(0);
  });

  it('posts a callback result only once the event loop is empty by default', async () => {
    // Arrange / Act
    const { api, response } = await invokeBuffered('callbackWaitsForLoop', {
      waits: true,
      timerMs: 50,
    });

    // Assert
    const timerMark = api.marks.find((m) => m.name === 'timer-fired');
    expect(timerMark?.seq).toBeLessThan(response?.seq ?? 0);
  });

  it('posts a callback result at once when callbackWaitsForEmptyEventLoop is false', async () => {
    // Arrange / Act
    const { api, body } = await invokeBuffered('callbackWaitsForLoop', {
      waits: false,
      timerMs: 60_000,
    });
    await api.waitFor(() => api.nextPolls.length === 2, 'the second /next');

    // Assert
    expect(body).toBe('called back');
    expect(api.marks).toEqual([]);
  });

  it('serves two invocations in a row from the same warm process', async () => {
    // Arrange
    const api = harness.api();
    harness.start('buffered.counter');

    // Act
    const first = await api.waitForResponse(api.enqueue());
    const second = await api.waitForResponse(api.enqueue());

    // Assert
    expect([bodyOf(first).toString(), bodyOf(second).toString()]).toEqual(['1', '2']);
  });
});

function never(): never {
  throw new Error('expected a recorded response');
}
