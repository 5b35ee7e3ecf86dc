import { HTTP_INTEGRATION_CONTENT_TYPE } from '@lambda-streaming/streaming/wire';
import { describe, expect, it } from 'vitest';
import { bodyOf, errorBodyTrailer } from './helpers/fake-runtime-api.js';
import { useRuntimeHarness } from './helpers/harness.js';

const harness = useRuntimeHarness();

async function invokeStreaming(handler: string) {
  const api = harness.api();
  const runtime = harness.start(`streaming.${handler}`);
  const requestId = api.enqueue({ event: { hello: 'world' } });
  const response = await api.waitForResponse(requestId);
  return { api, runtime, requestId, response };
}

describe('streaming responses (spec §1.6)', () => {
  it('streams the written chunks on a chunked /response with the streaming headers', async () => {
    // Arrange / Act
    const { response } = await invokeStreaming('writeThenEnd');

    // Assert
    expect(bodyOf(response).toString()).toBe('hello world');
    expect(response.headers['lambda-runtime-function-response-mode']).toBe('streaming');
    expect(response.headers['transfer-encoding']).toBe('chunked');
    expect(response.headers['content-type']).toBe('application/octet-stream');
    const trailerLines = response.rawHeaders.filter((_, i, all) => all[i - 1] === 'Trailer');
    expect(trailerLines).toEqual([
      'Lambda-Runtime-Function-Error-Type',
      'Lambda-Runtime-Function-Error-Body',
    ]);
    expect(response.trailers).toEqual({});
  });

  it('sends an error before the first byte as trailers on /response with no data', async () => {
    // Arrange / Act
    const { api, runtime, response } = await invokeStreaming('throwBeforeWrite');

    // Assert
    expect(response.chunks).toHaveLength(0);
    await runtime.waitForStdout(
      /\treq-1\tERROR\tInvoke Error \t\{"errorType":"TypeError","errorMessage":"early boom","stack":\[/,
    );
    expect(response.trailers['lambda-runtime-function-error-type']).toBe('TypeError');
    const body = errorBodyTrailer(response);
    expect(body).toMatchObject({ errorType: 'TypeError', errorMessage: 'early boom' });
    expect((body.trace as string[])[0]).toBe('TypeError: early boom');
    expect(api.errors).toEqual([]);
  });

  it('sends an error after the first byte as trailers after the data', async () => {
    // Arrange / Act
    const { response } = await invokeStreaming('throwAfterWrite');

    // Assert
    expect(bodyOf(response).toString()).toBe('partial');
    expect(response.trailers['lambda-runtime-function-error-type']).toBe('Error');
    expect(errorBodyTrailer(response)).toMatchObject({ errorMessage: 'late boom' });
  });

  it('reports a thrown string with its typeof as the error type', async () => {
    // Arrange / Act
    const { response } = await invokeStreaming('throwString');

    // Assert
    expect(response.trailers['lambda-runtime-function-error-type']).toBe('string');
    expect(errorBodyTrailer(response)).toEqual({
      errorType: 'string',
      errorMessage: 'a string',
      trace: [],
    });
  });

  it('completes normally when a non-async handler ended its stream, only logging the error', async () => {
    // Arrange / Act
    const { runtime, response } = await invokeStreaming('nonAsyncEnds');

    // Assert
    expect(bodyOf(response).toString()).toBe('sync');
    expect(response.trailers).toEqual({});
    await runtime.waitForStdout(
      /\tERROR\tInvoke Error \t\{"errorType":"Error","errorMessage":"Streaming does not support non-async handlers\."/,
    );
  });

  it('fails a non-async handler that left its stream open', async () => {
    // Arrange / Act
    const { response } = await invokeStreaming('nonAsyncOpen');

    // Assert
    expect(bodyOf(response).toString()).toBe('sync');
    expect(response.trailers['lambda-runtime-function-error-type']).toBe('string');
    expect(errorBodyTrailer(response)).toEqual({
      errorType: 'string',
      errorMessage: 'Streaming does not support non-async handlers.',
      trace: [],
    });
  });

  it('rejects setContentType after the first write with Runtime.InvalidStreamingOperation', async () => {
    // Arrange / Act
    const { response } = await invokeStreaming('setContentTypeLate');

    // Assert
    expect(bodyOf(response).toString()).toBe('x');
    expect(response.trailers['lambda-runtime-function-error-type']).toBe(
      'Runtime.InvalidStreamingOperation',
    );
    expect(errorBodyTrailer(response)).toMatchObject({
      errorMessage: 'Cannot set content-type, too late.',
    });
  });

  it('sends the content type set before the first write', async () => {
    // Arrange / Act
    const { response } = await invokeStreaming('contentType');

    // Assert
    expect(response.headers['content-type']).toBe('text/csv');
    expect(bodyOf(response).toString()).toBe('a,b\n');
  });

  it('JSON-stringifies a written object', async () => {
    // Arrange / Act
    const { response } = await invokeStreaming('writeObject');

    // Assert
    expect(bodyOf(response).toString()).toBe('{"a":1}');
  });

  it('logs a warning and ignores a returned value', async () => {
    // Arrange / Act
    const { runtime, response } = await invokeStreaming('returnsValue');

    // Assert
    expect(bodyOf(response).toString()).toBe('done');
    expect(response.trailers).toEqual({});
    await runtime.waitForStdout(/\treq-1\tWARN\tStreaming handlers ignore return values\.\n/);
  });
});

describe('HttpResponseStream.from (spec §1.4)', () => {
  it('writes the prelude and 8 NUL bytes before the first written chunk', async () => {
    // Arrange / Act
    const { response } = await invokeStreaming('fromWriteThenEnd');

    // Assert
    const prelude =
      '{"statusCode":201,"headers":{"Content-Type":"text/html","X-Custom":"a"},"cookies":["a=1; Path=/","b=2"]}';
    expect(response.headers['content-type']).toBe(HTTP_INTEGRATION_CONTENT_TYPE);
    expect(bodyOf(response)).toEqual(
      Buffer.concat([Buffer.from(prelude), Buffer.alloc(8), Buffer.from('<p>1</p><p>2</p>')]),
    );
  });

  it('sends no prelude when end(data) comes without a write, as RIC does (issue #97)', async () => {
    // Arrange / Act
    const { response } = await invokeStreaming('fromThenEndOnly');

    // Assert
    expect(response.headers['content-type']).toBe(HTTP_INTEGRATION_CONTENT_TYPE);
    expect(bodyOf(response).toString()).toBe('not found');
  });

  it('works with stream.pipeline, the pattern the docs recommend (spec §1.7)', async () => {
    // Arrange / Act
    const { response } = await invokeStreaming('pipelineToHttpStream');

    // Assert
    expect(bodyOf(response)).toEqual(
      Buffer.concat([Buffer.from('{"statusCode":200}'), Buffer.alloc(8), Buffer.from('abc')]),
    );
    expect(response.trailers).toEqual({});
  });

  it('cuts the response off when a pipeline source fails, then exits 128, as RIC does', async () => {
    // Arrange
    const api = harness.api();
    const runtime = harness.start('streaming.pipelineSourceFails');
    const requestId = api.enqueue();
    await api.waitFor(() => api.responses.get(requestId)?.chunks[0], 'the first chunk');

    // Act: pipeline destroys the destination, i.e. the request, so no trailer can follow; the
    // request's error also rejects a promise nobody awaits (RIC's `headersDone`).
    api.release('source-fails');
    const exit = await runtime.exited;

    // Assert
    const response = api.responses.get(requestId);
    if (!response) throw new Error('no response recorded');
    expect(bodyOf(response).toString()).toBe('before');
    expect(response.endSeq).toBeUndefined();
    expect(response.trailers).toEqual({});
    expect(exit.code).toBe(128);
    expect(api.errors[0]?.body).toMatchObject({
      errorType: 'Runtime.UnhandledPromiseRejection',
      errorMessage: 'Error: source boom',
    });
    expect(runtime.stdout()).toMatch(
      /\tERROR\tInvoke Error \t\{"errorType":"Error","errorMessage":"source boom"[^\n]*\n[^\n]*\tERROR\tUnhandled Promise Rejection \t/,
    );
  });

  it('sends the prelude and delimiter for write("") then end()', async () => {
    // Arrange / Act
    const { response } = await invokeStreaming('fromWriteEmptyThenEnd');

    // Assert
    expect(bodyOf(response)).toEqual(
      Buffer.concat([Buffer.from('{"statusCode":204}'), Buffer.alloc(8)]),
    );
  });
});
