import * as http from 'node:http';
import * as https from 'node:https';
import {
  type FunctionUrlRequestInit,
  type PreparedRequest,
  prepareFunctionUrlRequest,
  type SigningOptions,
  signFunctionUrlRequest,
} from './sign-request.js';

/** Options of {@link callFunctionUrl}. */
export interface CallFunctionUrlOptions extends FunctionUrlRequestInit, SigningOptions {
  /** `iam` (default) signs with SigV4, for `AuthType: AWS_IAM`; `none` sends the request as is. */
  auth?: 'iam' | 'none';
  /** Aborts the request, or the body while it streams. */
  signal?: AbortSignal;
}

/** A function URL's response, as soon as its status and headers arrived. */
export interface FunctionUrlResponse {
  statusCode: number;
  headers: http.IncomingHttpHeaders;
  /**
   * The body, not buffered: a `Readable` that is also an `AsyncIterable<Buffer>`. Read it to
   * the end (or destroy it). Its `complete` is `false` when the connection ended early, which is
   * how a function error after the first byte shows over a function URL.
   */
  body: http.IncomingMessage;
}

/**
 * Calls a Lambda function URL, signed with SigV4 for `AuthType: AWS_IAM` (or unsigned with
 * `auth: 'none'`), and resolves as soon as the status line and headers arrive, so the body can
 * be read while the function is still writing it. It uses `node:http`/`node:https` rather than
 * `fetch`, so the `Host` header that is signed is exactly the one sent.
 *
 * @param url - `https://<url-id>.lambda-url.<region>.on.aws/...`, or a local emulator's URL
 *   (then pass `region`).
 * @param options - Method, headers, body, auth mode, region, credentials, abort signal.
 * @returns Status, headers and the streaming body.
 * @throws Error when signing needs a region and none can be found, the credential provider's
 *   error, or the network error.
 * @example
 * ```ts
 * const startMs = performance.now();
 * const response = await callFunctionUrl(process.env.FUNCTION_URL ?? '', { method: 'POST', body: '{}' });
 * for await (const chunk of timed(response.body, { startMs })) process.stdout.write(chunk);
 * ```
 */
export async function callFunctionUrl(
  url: string | URL,
  options: CallFunctionUrlOptions = {},
): Promise<FunctionUrlResponse> {
  const request =
    options.auth === 'none'
      ? prepareFunctionUrlRequest(url, options)
      : await signFunctionUrlRequest(url, options);
  return send(request, options.signal);
}

function send(
  request: PreparedRequest,
  signal: AbortSignal | undefined,
): Promise<FunctionUrlResponse> {
  const transport = request.url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = transport.request(
      request.url,
      { method: request.method, headers: request.headers, ...(signal ? { signal } : {}) },
      (incoming) =>
        resolve({
          statusCode: incoming.statusCode ?? 0,
          headers: incoming.headers,
          body: incoming,
        }),
    );
    outgoing.once('error', reject);
    outgoing.end(request.body);
  });
}
