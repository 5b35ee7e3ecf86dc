/**
 * The Lambda API routes the emulator serves, as the SDK's schema defines them
 * (`@aws-sdk/client-lambda` `dist-es/schemas/schemas_0.js`: `Invoke$`, `InvokeWithResponseStream$`,
 * `ListFunctions$`, `GetFunction$`, `GetFunctionConfiguration$`, `GetFunctionUrlConfig$`,
 * `ListFunctionUrlConfigs$`).
 *
 * @module
 */

/** The operations served. */
export type Operation =
  | 'Invoke'
  | 'InvokeWithResponseStream'
  | 'ListFunctions'
  | 'GetFunction'
  | 'GetFunctionConfiguration'
  | 'GetFunctionUrlConfig'
  | 'ListFunctionUrlConfigs';

/** A matched route: the operation and its percent-decoded `{FunctionName}` label. */
export interface RouteMatch {
  operation: Operation;
  functionName?: string;
}

interface Route {
  method: string;
  /** Path segments; `{}` is the function name label. */
  segments: string[];
  operation: Operation;
}

const ROUTES: Route[] = [
  route('POST', '/2015-03-31/functions/{}/invocations', 'Invoke'),
  route(
    'POST',
    '/2021-11-15/functions/{}/response-streaming-invocations',
    'InvokeWithResponseStream',
  ),
  route('GET', '/2015-03-31/functions', 'ListFunctions'),
  route('GET', '/2015-03-31/functions/{}', 'GetFunction'),
  route('GET', '/2015-03-31/functions/{}/configuration', 'GetFunctionConfiguration'),
  route('GET', '/2021-10-31/functions/{}/url', 'GetFunctionUrlConfig'),
  route('GET', '/2021-10-31/functions/{}/urls', 'ListFunctionUrlConfigs'),
];

function route(method: string, path: string, operation: Operation): Route {
  return { method, segments: path.split('/').filter(Boolean), operation };
}

/**
 * Finds the operation for a method and raw path. A trailing slash is accepted (the AWS CLI v1
 * lists functions at `/2015-03-31/functions/`).
 *
 * @param method - HTTP method.
 * @param rawPath - Path as received, percent-encoded.
 * @returns The match, or `undefined` for an unknown route.
 * @example
 * ```ts
 * matchRoute('POST', '/2015-03-31/functions/arn%3Aaws%3A…/invocations');
 * // { operation: 'Invoke', functionName: 'arn:aws:…' }
 * ```
 */
export function matchRoute(method: string, rawPath: string): RouteMatch | undefined {
  const segments = rawPath.split('/').filter(Boolean);
  for (const candidate of ROUTES) {
    if (candidate.method !== method || candidate.segments.length !== segments.length) continue;
    const match = matchSegments(candidate, segments);
    if (match) return match;
  }
  return undefined;
}

function matchSegments(candidate: Route, segments: string[]): RouteMatch | undefined {
  let functionName: string | undefined;
  for (const [index, expected] of candidate.segments.entries()) {
    const actual = segments[index] ?? '';
    if (expected === '{}') {
      functionName = decodeLabel(actual);
      if (functionName === undefined) return undefined;
    } else if (expected !== actual) {
      return undefined;
    }
  }
  return functionName === undefined
    ? { operation: candidate.operation }
    : { operation: candidate.operation, functionName };
}

function decodeLabel(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
