/**
 * Signed requests to the emulator, made before the clock starts: a function URL call, or an
 * `Invoke` or `InvokeWithResponseStream` call to the API (the route and body the SDK sends).
 */
import {
  type PreparedRequest,
  prepareFunctionUrlRequest,
  signFunctionUrlRequest,
} from '@lambda-streaming/streaming/client';
import type { Emulator } from './emulator.js';

/**
 * A SigV4-signed GET of a function URL.
 *
 * @param emulator - For the region and credentials.
 * @param url - The function URL, query included.
 * @returns The request, ready to send.
 * @example
 * ```ts
 * await timedRequest(await urlRequest(emulator, `${url}?bytes=1000`));
 * ```
 */
export function urlRequest(emulator: Emulator, url: string): Promise<PreparedRequest> {
  const { region, credentials } = emulator;
  return signFunctionUrlRequest(url, { region, credentials });
}

/**
 * A SigV4-signed `InvokeWithResponseStream`:
 * `POST /2021-11-15/functions/{name}/response-streaming-invocations`, as the SDK sends it.
 *
 * @param emulator - The API endpoint, region and credentials.
 * @param functionName - Logical ID.
 * @param payload - The event.
 * @returns The request, ready to send; read its body with `body: 'event-stream'`.
 * @example
 * ```ts
 * await timedRequest(await invokeStreamRequest(emulator, 'BenchBytesFunction', { bytes: 1000 }), {
 *   body: 'event-stream',
 * });
 * ```
 */
export function invokeStreamRequest(
  emulator: Emulator,
  functionName: string,
  payload: unknown = {},
): Promise<PreparedRequest> {
  const name = encodeURIComponent(functionName);
  return apiPost(emulator, `/2021-11-15/functions/${name}/response-streaming-invocations`, payload);
}

/** A signed POST of a JSON payload to the emulator's Lambda API. */
function apiPost(emulator: Emulator, path: string, payload: unknown): Promise<PreparedRequest> {
  return signFunctionUrlRequest(new URL(path, emulator.endpoint), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
    region: emulator.region,
    credentials: emulator.credentials,
  });
}

/**
 * A SigV4-signed `Invoke` (`RequestResponse`): `POST /2015-03-31/functions/{name}/invocations`,
 * as the SDK sends it. The whole payload comes back once the function has finished: a buffered
 * response that succeeds, whatever the function streams.
 *
 * @param emulator - The API endpoint, region and credentials.
 * @param functionName - Logical ID.
 * @param payload - The event.
 * @returns The request, ready to send.
 * @example
 * ```ts
 * await timedRequest(await invokeRequest(emulator, 'BenchTtfbStreamedFunction', event));
 * ```
 */
export function invokeRequest(
  emulator: Emulator,
  functionName: string,
  payload: unknown,
): Promise<PreparedRequest> {
  return apiPost(
    emulator,
    `/2015-03-31/functions/${encodeURIComponent(functionName)}/invocations`,
    payload,
  );
}

/**
 * A GET of the plain server (it checks no signature).
 *
 * @param origin - The plain server's origin.
 * @param path - `/first`, `/empty`, `/bytes?bytes=N`.
 * @returns The request.
 * @example
 * ```ts
 * await timedRequest(plainRequest(plain.origin, '/first'));
 * ```
 */
export function plainRequest(origin: string, path: string): PreparedRequest {
  return prepareFunctionUrlRequest(new URL(path, origin));
}
