/** How what a streaming handler writes reaches each client: preludes, chunk types, bytes. */
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { handlerFrame, type OnceCase } from '../case-types.js';
import {
  expectInvokeFailure,
  expectInvokeSuccess,
  expectStreamFailure,
  expectStreamSuccess,
  expectUrlBadGateway,
  expectUrlComplete,
  expectUrlCut,
} from '../expectations.js';

/** The prelude as it travels inside PayloadChunks: JSON, then 8 NUL bytes (spec §1.4). */
function prelude(metadata: object): string {
  return `${JSON.stringify(metadata)}${'\u0000'.repeat(8)}`;
}

/** What large.mjs writes: 20 chunks of 1 MiB, chunk i filled with `chunk <i>;`. */
function largeBody() {
  const hash = createHash('sha256');
  for (let index = 0; index < 20; index += 1) {
    hash.update(Buffer.alloc(1024 * 1024, `chunk ${String(index).padStart(2, '0')};`));
  }
  return { bytes: 20 * 1024 * 1024, sha256: hash.digest('hex') };
}

const ALL_BYTES = Buffer.from(Array.from({ length: 1024 }, (_, index) => index % 256));
const OBJECT_WRITES =
  '{"a":1,"nested":{"b":[true,null]}}|[1,"two"]|42|hi|' +
  "TypeError: Cannot read properties of null (reading 'length')";

export const responseCases: OnceCase[] = [
  {
    name: 'sends no prelude for HttpResponseStream.from then end(data) without write()',
    fn: 'EndWithoutWriteFn',
    source: 'spec §1.4 and §4.4; RIC src/HttpResponseStream.js; RIC issue #97',
    calls: 1,
    expectBehaviour({ url, stream, invoke }) {
      // http-integration content type with body bytes but no delimiter: the URL answers 502.
      expectUrlBadGateway(url);
      expectStreamSuccess(stream, { text: 'not found' });
      expectInvokeSuccess(invoke, { text: 'not found' });
    },
  },
  {
    name: "sends the prelude alone for HttpResponseStream.from, write('') and end()",
    fn: 'WriteEmptyThenEndFn',
    source: 'spec §1.4; RIC src/ResponseStream.js (the first write runs _onBeforeFirstWrite)',
    calls: 1,
    expectBehaviour({ url, stream, invoke }) {
      expectUrlComplete(url, 301, undefined, { text: '' });
      expect(url.headers.location).toEqual(['/moved']);
      const metadata = prelude({ statusCode: 301, headers: { location: '/moved' } });
      expectStreamSuccess(stream, { text: metadata });
      expectInvokeSuccess(invoke, { text: metadata });
    },
  },
  {
    name: 'answers with the status, several headers and cookies of the prelude',
    fn: 'PreludeHeadersFn',
    source: 'spec §1.4 and §4.4; urls-invocation (cookies → one set-cookie each)',
    calls: 1,
    expectBehaviour({ url, stream, invoke }) {
      expectUrlComplete(url, 201, 'text/html; charset=utf-8', {
        text: '<h1>made</h1><p>done</p>',
      });
      expect(url.headers['cache-control']).toEqual(['no-store']);
      expect(url.headers['x-custom-one']).toEqual(['one']);
      expect(url.headers['x-custom-two']).toEqual(['two, three']);
      expect(url.headers['set-cookie']).toEqual([
        'session=abc; Path=/; HttpOnly',
        'theme=dark',
        'lang=en; Max-Age=60',
      ]);
      const body = `${prelude({
        statusCode: 201,
        headers: {
          'Content-Type': 'text/html; charset=utf-8',
          'Cache-Control': 'no-store',
          'x-custom-one': 'one',
          'X-Custom-Two': 'two, three',
        },
        cookies: ['session=abc; Path=/; HttpOnly', 'theme=dark', 'lang=en; Max-Age=60'],
      })}<h1>made</h1><p>done</p>`;
      expectStreamSuccess(stream, { text: body });
      expectInvokeSuccess(invoke, { text: body });
    },
  },
  {
    name: 'sends the JSON of an object, array or number written, and throws on write(null)',
    fn: 'WriteObjectFn',
    source: 'spec §1.3; RIC src/ResponseStream.js (JSON.stringify of other chunks)',
    calls: 1,
    expectBehaviour({ url, stream, invoke }) {
      expectUrlComplete(url, 200, 'application/json', { text: OBJECT_WRITES });
      expectStreamSuccess(stream, { text: OBJECT_WRITES });
      expectInvokeSuccess(invoke, { text: OBJECT_WRITES });
    },
  },
  {
    name: 'fails with Runtime.InvalidStreamingOperation on setContentType after the first write',
    fn: 'LateContentTypeFn',
    source: 'spec §1.3 and §1.6; RIC src/ResponseStream.js, src/Errors.js',
    calls: 1,
    expectBehaviour({ url, stream, invoke }, runtime) {
      const message = 'Cannot set content-type, too late.';
      expectUrlCut(url, 'text/plain', 'first');
      expectStreamFailure(stream, 'first', 'Runtime.InvalidStreamingOperation', message);
      expectInvokeFailure(invoke, {
        errorType: 'Runtime.InvalidStreamingOperation',
        errorMessage: message,
        trace: [
          `Runtime.InvalidStreamingOperation: ${message}`,
          '<runtime frames>',
          `    at ${handlerFrame(runtime, 'streaming')}.handler (<app>/late-content-type.mjs:6:18)`,
          '<runtime frames>',
        ],
      });
    },
  },
  {
    name: 'delivers a binary body byte for byte',
    fn: 'BinaryFn',
    source: 'spec §4.4 (the body after the delimiter is passed through)',
    calls: 1,
    expectBehaviour({ url, stream, invoke }) {
      expectUrlComplete(url, 200, 'application/octet-stream', {
        base64: ALL_BYTES.toString('base64'),
      });
      const withPrelude = Buffer.concat([
        Buffer.from(
          prelude({ statusCode: 200, headers: { 'content-type': 'application/octet-stream' } }),
        ),
        ALL_BYTES,
      ]);
      expectStreamSuccess(stream, { base64: withPrelude.toString('base64') });
      expectInvokeSuccess(invoke, { base64: withPrelude.toString('base64') });
    },
  },
  {
    name: 'streams 20 MiB whole, and stops a buffered Invoke at 6,291,556 bytes',
    fn: 'LargeFn',
    source: 'spec §5 (200 MB streamed, 6 MB buffered), §2.5; RIE directinvoke.go (LimitReader)',
    calls: 1,
    expectBehaviour({ url, stream, invoke }) {
      const body = largeBody();
      expectUrlComplete(url, 200, 'application/octet-stream', body);
      expectStreamSuccess(stream, body);
      expectInvokeFailure(invoke, {
        errorType: 'Function.ResponseSizeTooLarge',
        errorMessage:
          'Response payload size (6291557 bytes) exceeded maximum allowed payload size (6291556 bytes).',
      });
    },
  },
];
