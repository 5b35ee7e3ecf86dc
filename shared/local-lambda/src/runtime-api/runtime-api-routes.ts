/**
 * The routes of the Runtime API (spec §2.1): `/next`, `/init/error`, and `/response` or `/error`
 * of one invocation, named by its request id.
 *
 * Source: aws-lambda-runtime-interface-emulator `internal/lambda/rapi/router.go`.
 */

const BASE = '/2018-06-01/runtime';
const INVOCATION_ROUTE = /^\/2018-06-01\/runtime\/invocation\/([^/]+)\/(response|error)$/;

/** A Runtime API call; `requestId` is `undefined` when its path segment is malformed. */
export type RuntimeRoute =
  | { name: 'next' }
  | { name: 'init-error' }
  | { name: 'response' | 'error'; requestId: string | undefined };

/**
 * @param method - The HTTP method.
 * @param url - The request target (a query is ignored).
 * @returns The call, or `undefined` for a route RAPID does not have (it answers 404).
 * @example
 * ```ts
 * matchRuntimeRoute('POST', '/2018-06-01/runtime/invocation/abc/response');
 * // { name: 'response', requestId: 'abc' }
 * ```
 */
export function matchRuntimeRoute(
  method: string | undefined,
  url: string | undefined,
): RuntimeRoute | undefined {
  const path = (url ?? '').split('?')[0] ?? '';
  if (method === 'GET' && path === `${BASE}/invocation/next`) return { name: 'next' };
  if (method === 'POST' && path === `${BASE}/init/error`) return { name: 'init-error' };
  const invocation = method === 'POST' ? INVOCATION_ROUTE.exec(path) : null;
  if (!invocation) return undefined;
  const name = invocation[2] === 'error' ? 'error' : 'response';
  return { name, requestId: safeDecode(invocation[1] ?? '') };
}

/** A path segment, percent-decoded (RIC encodes the request id); `undefined` when malformed. */
function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
