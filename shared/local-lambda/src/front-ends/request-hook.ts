/**
 * How a plug-in adds to the front ends without them importing it (the dashboard is one): a
 * handler the server tries before its own. It may set response headers (CORS for origins of its
 * own) and answers the request itself when it returns `true`.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A plug-in's handler; `target` is what the server serves (the function, for a function URL).
 *
 * @example
 * ```ts
 * const ping: RequestHook = (req, res) => {
 *   if (req.url !== '/ping') return false;
 *   res.end('pong');
 *   return true;
 * };
 * createApiServer({ service, region, verify, hooks: [ping] });
 * ```
 */
export type RequestHook<Target = undefined> = (
  req: IncomingMessage,
  res: ServerResponse,
  target: Target,
) => boolean;

/**
 * Runs hooks in order until one answers.
 *
 * @param hooks - The server's hooks.
 * @returns `true` when a hook answered the request.
 * @example
 * ```ts
 * if (runHooks(options.hooks, req, res, fn)) return;
 * ```
 */
export function runHooks<Target>(
  hooks: readonly RequestHook<Target>[] | undefined,
  req: IncomingMessage,
  res: ServerResponse,
  target: Target,
): boolean {
  return (hooks ?? []).some((hook) => hook(req, res, target));
}
