import { describe, expect, it } from 'vitest';
import { bodyOf, errorBodyTrailer } from './helpers/fake-runtime-api.js';
import { logLines, useRuntimeHarness } from './helpers/harness.js';
import { start24 } from './helpers/node24.js';

// nodejs24.x: what an invocation sees and what the Runtime API receives, as with aws-lambda-ric
// 4.x (research notes §3, §4, §6, §7, §10, table §11).
const harness = useRuntimeHarness();

async function invoke(handler: string) {
  const api = harness.api();
  const runtime = start24(harness, handler);
  const requestId = api.enqueue();
  return { api, runtime, requestId };
}

async function bufferedBody(handler: string) {
  const { api, requestId } = await invoke(handler);
  const response = await api.waitForResponse(requestId);
  return JSON.parse(bodyOf(response).toString());
}

const CONTEXT_KEYS_4X = [
  'clientContext',
  'identity',
  'invokedFunctionArn',
  'awsRequestId',
  'tenantId',
  'xRayTraceId',
  'getRemainingTimeInMillis',
  'functionName',
  'functionVersion',
  'memoryLimitInMB',
  'logGroupName',
  'logStreamName',
];

describe('a nodejs24.x invocation (aws-lambda-ric 4.x)', () => {
  it.each(['handlers.streamingContext', 'handlers.bufferedContext'])(
    '%s: runs on Node 24 with the 4.x context and awslambda.InvokeStore',
    async (handler) => {
      // Act
      const body = await bufferedBody(handler);

      // Assert
      expect(body.version).toMatch(/^v24\./);
      expect(body.keys).toEqual(CONTEXT_KEYS_4X);
      expect(Object.keys(body.json)).toEqual([
        'invokedFunctionArn',
        'awsRequestId',
        'xRayTraceId',
        'functionName',
        'functionVersion',
        'memoryLimitInMB',
        'logGroupName',
        'logStreamName',
      ]);
      expect(body.json.xRayTraceId).toBe('Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1');
      expect(body).toMatchObject({ waits: 'undefined', succeed: 'undefined' });
      expect(body.awslambda).toEqual(['streamifyResponse', 'HttpResponseStream', 'InvokeStore']);
      expect(body.storeRequestId).toBe(body.json.awsRequestId);
    },
  );

  it('posts what a sync two-parameter handler returns', async () => {
    // Act
    const body = await bufferedBody('handlers.syncReturn');

    // Assert
    expect(body).toEqual({ syncReturn: true });
  });

  it.each([
    ['handlers.throwNull', { errorType: 'object', errorMessage: 'null', trace: [] }],
    ['handlers.circular', { errorType: 'Runtime.JSONStringifyError' }],
    [
      'handlers.throwErrorLike',
      { errorType: 'object', errorMessage: '[object Object]', trace: [] },
    ],
  ])('%s: reports the error as 4.x formats it', async (handler, expected) => {
    // Arrange
    const { api } = await invoke(handler);

    // Act
    const error = await api.waitFor(() => api.errors[0], 'the /error');

    // Assert
    expect(error.body).toMatchObject(expected);
  });

  it.each([
    ['handlers.throwsBuffered', 'BufferedInvokeProcessor.throwsBuffered [as handler]'],
    ['handlers.throwsStreaming', 'StreamingInvokeProcessor.handler'],
  ])('%s: calls the handler as a method, so its frame reads %s', async (handler, label) => {
    // Arrange
    const { api, requestId } = await invoke(handler);

    // Act
    const trace = handler.endsWith('Buffered')
      ? (await api.waitFor(() => api.errors[0], 'the /error')).body.trace
      : errorBodyTrailer(await api.waitForResponse(requestId)).trace;

    // Assert
    expect((trace as string[])[1]?.startsWith(`    at ${label} (`)).toBe(true);
  });

  it('reports throw null from a streaming handler as object / null in the trailers', async () => {
    // Arrange
    const { api, requestId } = await invoke('handlers.throwNullStreaming');

    // Act
    const response = await api.waitForResponse(requestId);

    // Assert: 3.3.0 sends `handled` and no trace
    expect(response.trailers['lambda-runtime-function-error-type']).toBe('object');
    expect(errorBodyTrailer(response)).toEqual({
      errorType: 'object',
      errorMessage: 'null',
      trace: [],
    });
  });

  it('reports a non-async streaming handler with an Error, and asks for the next event', async () => {
    // Arrange
    const { api, requestId } = await invoke('handlers.nonAsyncOpen');

    // Act
    const response = await api.waitForResponse(requestId);
    await api.waitFor(() => api.nextPolls.length === 2, 'the second /next');

    // Assert
    expect(response.trailers['lambda-runtime-function-error-type']).toBe('Error');
    expect(errorBodyTrailer(response)).toMatchObject({
      errorMessage: 'Streaming does not support non-async handlers.',
    });
  });

  it('asks for the next event while work left after the stream ended is still pending', async () => {
    // Arrange
    const { api, requestId } = await invoke('handlers.leavesWork');
    await api.waitForResponse(requestId);

    // Act: 3.3.0 would wait for an empty event loop; the left-over work waits for this test.
    await api.waitFor(() => api.nextPolls.length === 2, 'the second /next');
    api.release('left-over');
    const ran = await api.waitFor(() => api.marks.find((m) => m.name === 'left-over-ran'), 'mark');

    // Assert
    expect(api.nextPolls[1]).toBeLessThan(ran.seq);
  });

  it('calls the callback of end(chunk, callback)', async () => {
    // Arrange
    const { api, runtime, requestId } = await invoke('handlers.endCallback');

    // Act
    const body = bodyOf(await api.waitForResponse(requestId)).toString();
    const logs = await runtime.waitForStdout(/end callback ran/);

    // Assert
    expect(body).toBe('ab');
    expect(logLines(logs).at(-1)?.slice(1)).toEqual([requestId, 'INFO', 'end callback ran']);
  });

  it('hands the handler a stream whose writable is read-only, in 4.x member order', async () => {
    // Arrange
    const { api, requestId } = await invoke('handlers.streamShape');

    // Act
    const shape = JSON.parse(bodyOf(await api.waitForResponse(requestId)).toString());

    // Assert
    expect(shape.assignWritable).toBe('TypeError');
    expect(shape.writableBuffer).toBe(false);
    expect(shape.keys.slice(5, 8)).toEqual(['addListener', 'on', 'once']);
  });
});
