import { InvokeCommand } from '@aws-sdk/client-lambda';
import {
  curl,
  type E2eTarget,
  OPEN_QUESTIONS,
  startE2eTarget,
} from '@lambda-streaming/pattern-tools/e2e';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIDSTREAM_ERROR_MESSAGE, sentence, WORDS_BEFORE_ERROR } from '../src/words.js';

// The same functions through buffered Invoke and through their function URLs (real curl):
// against local-lambda by default, against the deployed stack with
// `npm run test:e2e -- --target aws`.

const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString();

describe('sdk-invoke with Invoke and its URLs', { concurrent: true, timeout: 30_000 }, () => {
  let target: E2eTarget;
  beforeAll(async () => {
    target = await startE2eTarget(import.meta.url);
  });
  afterAll(() => target?.close());

  it('returns the whole sentence to a buffered Invoke of the streaming function', async () => {
    // Act
    const result = await target.lambda.send(
      new InvokeCommand({ FunctionName: target.functionName('HappyPathFunction') }),
    );

    // Assert
    expect(result.StatusCode).toBe(200);
    expect(result.FunctionError).toBeUndefined();
    expect(text(result.Payload)).toBe(sentence());
  });

  it('reports a midstream error to a buffered Invoke as an Unhandled function error', async () => {
    // Act
    const result = await target.lambda.send(
      new InvokeCommand({ FunctionName: target.functionName('MidstreamErrorFunction') }),
    );

    // Assert
    expect(result.StatusCode).toBe(200);
    expect(result.FunctionError).toBe('Unhandled');
    const payload = text(result.Payload);
    const { errorType, errorMessage } = JSON.parse(payload);
    target.unconfirmed(
      OPEN_QUESTIONS.bufferedMidstreamError,
      { errorType, errorMessage },
      { errorType: 'Error', errorMessage: MIDSTREAM_ERROR_MESSAGE },
      { payload },
    );
  });

  it('streams the sentence through the function URL with the content type it set', async () => {
    // Act
    const response = await curl({ url: target.url('HappyPathFunction'), signing: target.signing });

    // Assert
    expect(response.exitCode).toBe(0);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.body.toString()).toBe(sentence());
  });

  it('sends 200 and then cuts the body short when the function throws midstream', async () => {
    // Act
    const response = await curl({
      url: target.url('MidstreamErrorFunction'),
      signing: target.signing,
    });

    // Assert
    expect(response.status).toBe(200);
    const seen = { curlExit: response.exitCode, body: response.body.toString() };
    target.unconfirmed(
      OPEN_QUESTIONS.urlMidstreamError,
      seen,
      { curlExit: 18, body: sentence(WORDS_BEFORE_ERROR) },
      { stderr: response.stderr, headers: Object.fromEntries(response.headers) },
    );
  });

  it('sends 200 and then cuts the body short when the function times out', async () => {
    // Act
    const response = await curl({ url: target.url('TimeoutFunction'), signing: target.signing });

    // Assert
    expect(response.status).toBe(200);
    const body = response.body.toString();
    const cutShort = body.length < sentence().length && sentence().startsWith(body);
    target.unconfirmed(
      OPEN_QUESTIONS.urlTimeout,
      { curlExit: response.exitCode, cutShort },
      { curlExit: 18, cutShort: true },
      { body, stderr: response.stderr },
    );
  });
});
