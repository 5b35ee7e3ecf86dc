import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createFunctionUrlEvent } from '@lambda-streaming/streaming/wire';
import type { LambdaFunctionURLEvent } from 'aws-lambda';

/** The parts of a function URL request a test usually cares about. */
export interface FunctionUrlEventOptions {
  method?: string;
  /** Path with an optional query string, e.g. `/report?format=csv`. */
  path?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** `AWS_IAM` adds `requestContext.authorizer.iam` as a signed request has. */
  authType?: 'AWS_IAM' | 'NONE';
}

/**
 * A function URL event (payload format 2.0) with realistic defaults, built by the same code
 * the local emulator uses for real requests.
 *
 * @param options - Method, path and query, headers, body, auth type.
 * @returns The event a function URL would send.
 * @example
 * ```ts
 * const event = functionUrlEvent({ path: '/?sections=3', headers: { accept: 'text/html' } });
 * ```
 */
export function functionUrlEvent(options: FunctionUrlEventOptions = {}): LambdaFunctionURLEvent {
  const [rawPath = '/', rawQueryString = ''] = (options.path ?? '/').split(/\?(.*)/s);
  const urlId = 'abcdefghijklmnopqrstuvwxyz123456';
  const body = typeof options.body === 'string' ? Buffer.from(options.body) : options.body;
  return createFunctionUrlEvent({
    method: options.method ?? 'GET',
    rawPath,
    rawQueryString,
    headers: { 'user-agent': 'vitest', accept: '*/*', ...options.headers },
    ...(body ? { body } : {}),
    requestId: randomUUID(),
    urlId,
    domainName: `${urlId}.lambda-url.us-east-1.on.aws`,
    accountId: '123456789012',
    ...(options.authType === 'NONE' ? {} : { iam: testCaller }),
  });
}

const testCaller = {
  accessKey: 'AKIAIOSFODNN7EXAMPLE',
  accountId: '123456789012',
  callerId: 'AIDACKCEVSQ6C2EXAMPLE',
  userArn: 'arn:aws:iam::123456789012:user/workshop',
  userId: 'AIDACKCEVSQ6C2EXAMPLE',
};

/**
 * Reads a sample event that a pattern ships in `events/*.json` (the file `sam local invoke -e`
 * takes), so a handler test runs the very event a reader would use.
 *
 * @param file - The event file, e.g. `new URL('../events/function-url-get.json', import.meta.url)`.
 * @returns The parsed event.
 * @throws Error naming the file when it cannot be read or is not JSON.
 * @example
 * ```ts
 * const event = await sampleEvent(new URL('../events/function-url-get.json', import.meta.url));
 * await handler(event, createResponseStream(), createContext());
 * ```
 */
export async function sampleEvent<T = LambdaFunctionURLEvent>(file: string | URL): Promise<T> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch (error) {
    const path = typeof file === 'string' ? file : fileURLToPath(file);
    throw new Error(`Cannot read the sample event ${path}: ${(error as Error).message}`);
  }
}
