import { InvokeCommand } from '@aws-sdk/client-lambda';
import {
  arrivalSpreadMs,
  boto3InvokeStream,
  curl,
  type E2eTarget,
  invokeStream,
  OPEN_QUESTIONS,
  type StreamedInvocation,
  startE2eTarget,
} from '@lambda-streaming/pattern-tools/e2e';
import { decodeLogResult } from '@lambda-streaming/streaming/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIDSTREAM_ERROR_MESSAGE, sentence, WORDS_BEFORE_ERROR } from '../src/words.js';

// The three functions as real clients see them: InvokeWithResponseStream with the AWS SDK and
// boto3 (as the pattern's client calls them), buffered Invoke, and the function URLs with real
// curl. Against local-lambda by default, against the deployed stack with
// `npm run test:e2e -- --target aws`.

/** InvokeComplete's members that are set. */
const setMembers = (run: StreamedInvocation) =>
  Object.entries(run.complete ?? {}).filter(([, value]) => value !== undefined);

/** InvokeComplete's members that are set, without the log (which differs on every call). */
const completion = (run: StreamedInvocation) =>
  Object.fromEntries(setMembers(run).filter(([key]) => key !== 'LogResult'));

const isCutShort = (text: string) => text.length < sentence().length && sentence().startsWith(text);

const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString();

describe('sdk-invoke', { concurrent: true, timeout: 30_000 }, () => {
  let target: E2eTarget;
  let invoke: (logicalId: string) => Promise<StreamedInvocation>;
  beforeAll(async () => {
    target = await startE2eTarget(import.meta.url);
    invoke = (logicalId) => invokeStream(target.lambda, target.functionName(logicalId));
  });
  afterAll(() => target?.close());

  describe('with InvokeWithResponseStream', () => {
    it('streams the twelve words over about six seconds, then InvokeComplete without an error', async () => {
      // Act
      const run = await invoke('HappyPathFunction');

      // Assert
      expect(run.statusCode).toBe(200);
      expect(run.text).toBe(sentence());
      // One word every 500 ms (5.5 s from first to last): the first arrives seconds before the
      // last, not with it. The bound leaves room for a client stalled on a busy machine.
      expect(arrivalSpreadMs(run.chunks)).toBeGreaterThan(3000);
      expect(run.complete?.ErrorCode).toBeUndefined();
      const members = setMembers(run).map(([key]) => key);
      target.unconfirmed(OPEN_QUESTIONS.completeOnSuccess, members.sort(), ['LogResult'], {
        log: decodeLogResult(run.complete?.LogResult),
      });
      target.unconfirmed(
        OPEN_QUESTIONS.streamContentType,
        run.contentType,
        'application/vnd.amazon.eventstream',
      );
    });

    it('streams four words, then reports the error in InvokeComplete, and again on the next call', async () => {
      // Act
      const first = await invoke('MidstreamErrorFunction');
      const next = await invoke('MidstreamErrorFunction');

      // Assert
      for (const run of [first, next]) {
        expect(run.statusCode).toBe(200);
        expect(run.text).toBe(sentence(WORDS_BEFORE_ERROR));
        expect(run.complete?.ErrorCode).toBeTruthy();
      }
      expect(completion(next)).toEqual(completion(first));
      target.unconfirmed(OPEN_QUESTIONS.completeOnError, completion(first), {
        ErrorCode: 'Error',
        ErrorDetails: MIDSTREAM_ERROR_MESSAGE,
      });
    });

    it('stops at the timeout with the words sent so far, and again on the next call', async () => {
      // Act
      const first = await invoke('TimeoutFunction');
      const next = await invoke('TimeoutFunction');

      // Assert
      for (const run of [first, next]) {
        expect(run.statusCode).toBe(200);
        expect(isCutShort(run.text)).toBe(true);
        expect(run.text.length).toBeGreaterThan(0);
        expect(run.complete?.ErrorCode).toBeTruthy();
      }
      expect(completion(next)).toEqual(completion(first));
      target.unconfirmed(OPEN_QUESTIONS.completeOnTimeout, completion(first), {
        ErrorCode: 'Sandbox.Timedout',
        ErrorDetails: 'Task timed out after 1.00 seconds',
      });
    });

    it('gives boto3 the same events as the JavaScript SDK', async () => {
      // Act
      const [boto, sdk] = await Promise.all([
        boto3InvokeStream(target, 'MidstreamErrorFunction'),
        invoke('MidstreamErrorFunction'),
      ]);

      // Assert
      expect(boto.statusCode).toBe(200);
      expect(boto.chunks.join('')).toBe(sentence(WORDS_BEFORE_ERROR));
      expect(boto.complete).toEqual(completion(sdk));
    });
  });

  describe('with Invoke and the function URLs', () => {
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
      const response = await curl({
        url: target.url('HappyPathFunction'),
        signing: target.signing,
      });

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
      target.unconfirmed(
        OPEN_QUESTIONS.urlTimeout,
        { curlExit: response.exitCode, cutShort: isCutShort(body) },
        { curlExit: 18, cutShort: true },
        { body, stderr: response.stderr },
      );
    });
  });
});
