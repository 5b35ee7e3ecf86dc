import type { DashboardFunction } from '../config.js';
import type { SignedFetch } from './signer.js';

/** A Lambda API call that failed: the status and the error type Lambda named. */
export class LambdaApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorType: string,
    message: string,
  ) {
    super(`${errorType}: ${message}`);
    this.name = 'LambdaApiError';
  }
}

/** The Lambda API of the emulator that served the page, called as any SDK calls it. */
export interface LambdaApi {
  /** ListFunctions (every page), then ListFunctionUrlConfigs for each function. */
  functions(patterns: ReadonlyMap<string, string>): Promise<DashboardFunction[]>;
  /** `Invoke` (RequestResponse): the whole response arrives when the function is done. */
  invoke(name: string, payload: string, signal?: AbortSignal): Promise<Response>;
  /** `InvokeWithResponseStream`, with `X-Amz-Log-Type: Tail`: an event stream. */
  invokeStream(name: string, payload: string, signal?: AbortSignal): Promise<Response>;
}

interface ListedFunction {
  FunctionName: string;
  Description?: string;
}
interface FunctionsPage {
  Functions?: ListedFunction[];
  NextMarker?: string;
}
interface UrlConfigsPage {
  FunctionUrlConfigs?: {
    FunctionUrl: string;
    AuthType: 'AWS_IAM' | 'NONE';
    InvokeMode?: 'BUFFERED' | 'RESPONSE_STREAM';
  }[];
}

/**
 * @param endpoint - The API endpoint (the page's own origin).
 * @param signed - A signing fetch.
 * @returns The calls the dashboard makes.
 * @example
 * ```ts
 * const api = createLambdaApi(location.origin, signed);
 * const functions = await api.functions(new Map());
 * ```
 */
export function createLambdaApi(endpoint: string, signed: SignedFetch): LambdaApi {
  const get: Get = async (path) => readJson(await signed(`${endpoint}${path}`));
  const post = (path: string, payload: string, signal?: AbortSignal, tail = false) =>
    signed(`${endpoint}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(tail ? { 'x-amz-log-type': 'Tail' } : {}),
      },
      body: payload,
      ...(signal ? { signal } : {}),
    });
  return {
    async functions(patterns) {
      const listed = await listFunctions(get);
      return Promise.all(listed.map((fn) => describe(get, fn, patterns)));
    },
    invoke: (fn, payload, signal) => post(`/2015-03-31${path(fn)}/invocations`, payload, signal),
    invokeStream: (fn, payload, signal) =>
      post(`/2021-11-15${path(fn)}/response-streaming-invocations`, payload, signal, true),
  };
}

/** A signed GET of the API, read as JSON. */
type Get = <T>(path: string) => Promise<T>;

const path = (fn: string) => `/functions/${encodeURIComponent(fn)}`;

/** ListFunctions, every page. */
async function listFunctions(get: Get): Promise<ListedFunction[]> {
  const listed: ListedFunction[] = [];
  let marker = '';
  do {
    const page = await get<FunctionsPage>(`/2015-03-31/functions/?MaxItems=50${marker}`);
    listed.push(...(page.Functions ?? []));
    marker = page.NextMarker ? `&Marker=${encodeURIComponent(page.NextMarker)}` : '';
  } while (marker);
  return listed;
}

/** A listed function, with its URL from ListFunctionUrlConfigs and its pattern. */
async function describe(
  get: Get,
  fn: ListedFunction,
  patterns: ReadonlyMap<string, string>,
): Promise<DashboardFunction> {
  const urls = await get<UrlConfigsPage>(`/2021-10-31${path(fn.FunctionName)}/urls`);
  const config = urls.FunctionUrlConfigs?.[0];
  const described: DashboardFunction = {
    name: fn.FunctionName,
    pattern: patterns.get(fn.FunctionName) ?? '',
  };
  if (fn.Description) described.description = fn.Description;
  if (config) {
    const invokeMode = config.InvokeMode ?? 'BUFFERED';
    described.url = { url: config.FunctionUrl, authType: config.AuthType, invokeMode };
  }
  return described;
}

/**
 * @returns The JSON body of a successful response.
 * @throws {@link LambdaApiError} with Lambda's error type and message otherwise.
 * @example
 * ```ts
 * const page = await readJson<FunctionsPage>(await signed(url));
 * ```
 */
export async function readJson<T>(response: Response): Promise<T> {
  if (response.ok) return (await response.json()) as T;
  throw await apiError(response);
}

/**
 * @returns The error a failed Lambda API response (or a failed function URL request) describes.
 * @example
 * ```ts
 * if (!response.ok) throw await apiError(response);
 * ```
 */
export async function apiError(response: Response): Promise<LambdaApiError> {
  return errorFromText(response, await response.text());
}

/**
 * @param response - A failed response (its headers are read, not its body).
 * @param text - Its body, or the start of it.
 * @returns The error it describes: `x-amzn-ErrorType` and the body's `Message`/`message`, or
 *   the text itself when it is not JSON.
 * @example
 * ```ts
 * const error = errorFromText(response, firstBytesAsText);
 * ```
 */
export function errorFromText(response: Response, text: string): LambdaApiError {
  const type = response.headers.get('x-amzn-errortype')?.split(':')[0] ?? `HTTP ${response.status}`;
  let message = text;
  try {
    const body = JSON.parse(text) as { Message?: string; message?: string };
    message = body.Message ?? body.message ?? text;
  } catch {
    // Not JSON: the text says it.
  }
  return new LambdaApiError(response.status, type, message);
}
