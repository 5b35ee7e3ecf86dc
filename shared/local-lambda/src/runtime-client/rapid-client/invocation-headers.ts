/**
 * Normalises `/next` response headers into the object RIC's native client hands the runtime
 * (RIC `src/rapid-client.cc` `RuntimeApiNextPromiseWorker::OnOK`), so the invoke context sees
 * the same values as on Lambda: the deadline as a number (0 when absent), the trace id and
 * function ARN always present (empty when absent), the other optional headers only when set.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { InvocationHeaders } from '../types.js';

const ALWAYS_PRESENT = ['lambda-runtime-trace-id', 'lambda-runtime-invoked-function-arn'];
const ONLY_WHEN_SET = [
  'lambda-runtime-client-context',
  'lambda-runtime-cognito-identity',
  'lambda-runtime-aws-tenant-id',
];

/**
 * @param raw - Headers of the `/next` response.
 * @returns The headers the invoke context reads.
 * @example
 * ```ts
 * normalizeInvocationHeaders(response.headers)['lambda-runtime-deadline-ms']; // 1767225600000
 * ```
 */
export function normalizeInvocationHeaders(raw: IncomingHttpHeaders): InvocationHeaders {
  const headers: InvocationHeaders = {
    'lambda-runtime-deadline-ms': Number.parseInt(text(raw, 'lambda-runtime-deadline-ms'), 10) || 0,
    'lambda-runtime-aws-request-id': text(raw, 'lambda-runtime-aws-request-id'),
  };
  for (const name of ALWAYS_PRESENT) headers[name] = text(raw, name);
  for (const name of ONLY_WHEN_SET) {
    const value = text(raw, name);
    if (value !== '') headers[name] = value;
  }
  return headers;
}

function text(raw: IncomingHttpHeaders, name: string): string {
  const value = raw[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}
