/**
 * What aws-lambda-cpp, the native part of the official clients, does around each Runtime API
 * exchange: how it judges a `/next` answer, how it logs its own failures, reading an answer.
 */
import type http from 'node:http';

/**
 * aws-lambda-cpp `get_next`: a non-2xx status or a missing request id is a failure.
 *
 * @example
 * ```ts
 * const failure = nextFailure(response); // undefined, or Error('Failed to get next invocation, error 403')
 * ```
 */
export function nextFailure(response: http.IncomingMessage): Error | undefined {
  const status = response.statusCode ?? 0;
  const ok = status >= 200 && status <= 299;
  if (ok && response.headers['lambda-runtime-aws-request-id']) return undefined;
  logNativeError(
    ok
      ? 'Failed to find header lambda-runtime-aws-request-id in response'
      : `Failed to get next invocation. Http Response code: ${status}`,
  );
  return new Error(`Failed to get next invocation, error ${ok ? -1 : status}`);
}

/**
 * An error line of aws-lambda-cpp's logger (`src/logging.cpp`), which RIC's native client
 * prints with `printf` to stdout, past the patched console: `[ERROR] [<epoch ms>] LAMBDA_RUNTIME …`.
 *
 * @example
 * ```ts
 * logNativeError('Failed to post handler success response. Http response code: 403.');
 * ```
 */
export function logNativeError(message: string): void {
  process.stdout.write(`[ERROR] [${Date.now()}] LAMBDA_RUNTIME ${message}\n`);
}

/**
 * Reads a Runtime API answer to its end.
 *
 * @example
 * ```ts
 * const body = await readBody(response);
 * ```
 */
export function readBody(response: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => resolve(Buffer.concat(chunks)));
    response.on('error', reject);
  });
}
