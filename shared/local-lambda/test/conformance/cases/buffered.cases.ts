/** A buffered (non-streaming) handler reached through each path. */
import { expect } from 'vitest';
import { handlerFrame, type OnceCase } from '../case-types.js';
import {
  expectInvokeFailure,
  expectInvokeSuccess,
  expectStreamFailure,
  expectStreamSuccess,
  expectUrlBadGateway,
  expectUrlComplete,
} from '../expectations.js';

const RESULT = {
  statusCode: 201,
  headers: { 'content-type': 'text/plain', 'x-custom': 'yes' },
  cookies: ['a=1', 'b=2; Secure'],
  body: 'buffered body',
};
const ALL_BYTES = Buffer.from(Array.from({ length: 1024 }, (_, index) => index % 256));

export const bufferedCases: OnceCase[] = [
  {
    name: 'maps a buffered result behind a BUFFERED URL; the SDK gets its JSON',
    fn: 'BufferedFn',
    source: 'spec §4.3; urls-invocation (response format); spec §3.8',
    calls: 1,
    expectBehaviour({ url, stream, invoke }) {
      expectUrlComplete(url, 201, 'text/plain', { text: 'buffered body' });
      expect(url.headers['x-custom']).toEqual(['yes']);
      expect(url.headers['set-cookie']).toEqual(['a=1', 'b=2; Secure']);
      expectStreamSuccess(stream, { text: JSON.stringify(RESULT) });
      expectInvokeSuccess(invoke, { text: JSON.stringify(RESULT) });
    },
  },
  {
    name: 'streams a buffered result behind a RESPONSE_STREAM URL as application/json, unmapped',
    fn: 'BufferedOnStreamUrlFn',
    source: 'spec §3.8, §4.4 (the runtime content type is propagated; UNCONFIRMED against AWS)',
    calls: 1,
    expectBehaviour({ url, stream, invoke }) {
      expectUrlComplete(url, 200, 'application/json', { text: JSON.stringify(RESULT) });
      expectStreamSuccess(stream, { text: JSON.stringify(RESULT) });
      expectInvokeSuccess(invoke, { text: JSON.stringify(RESULT) });
    },
  },
  {
    name: 'answers a buffered handler that throws with 502, an InvokeComplete error, Unhandled',
    fn: 'BufferedThrowFn',
    source: {
      'nodejs22.x': 'spec §3.7, §4.3; RIC 3.3.0 src/CallbackContext.js (postError)',
      'nodejs24.x':
        'RIC 4.0.2 src/runtime/buffered-invoke-processor.ts (handler called as its method)',
    },
    calls: 1,
    expectBehaviour({ url, stream, invoke }, runtime) {
      expectUrlBadGateway(url);
      expectStreamFailure(stream, '', 'SyntaxError', 'buffered boom');
      expectInvokeFailure(invoke, {
        errorType: 'SyntaxError',
        errorMessage: 'buffered boom',
        trace: [
          'SyntaxError: buffered boom',
          `    at ${handlerFrame(runtime, 'buffered')}.fails [as handler] (<app>/buffered.mjs:10:9)`,
          '<runtime frames>',
        ],
      });
    },
  },
  {
    name: 'decodes a base64 body behind a BUFFERED URL to its bytes',
    fn: 'BufferedBinaryFn',
    source: 'spec §4.3; urls-invocation (isBase64Encoded)',
    calls: 1,
    expectBehaviour({ url, stream, invoke }) {
      expectUrlComplete(url, 200, 'image/png', { base64: ALL_BYTES.toString('base64') });
      const json = JSON.stringify({
        statusCode: 200,
        headers: { 'content-type': 'image/png' },
        isBase64Encoded: true,
        body: ALL_BYTES.toString('base64'),
      });
      expectStreamSuccess(stream, { text: json });
      expectInvokeSuccess(invoke, { text: json });
    },
  },
];
