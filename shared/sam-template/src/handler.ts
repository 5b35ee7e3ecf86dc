import { existsSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';

/**
 * A `Handler` string split the way the Node.js runtime splits it.
 *
 * @example
 * ```ts
 * const parts: HandlerParts | undefined = parseHandler('happy-path.handler');
 * ```
 */
export interface HandlerParts {
  /** Module path without extension, relative to `CodeUri`: `happy-path`, `lib/api`. */
  readonly modulePath: string;
  /** Property path of the function in the module: `handler`, or `nested.handler`. */
  readonly exportPath: string;
}

/**
 * Splits a `Handler` like the Node.js runtime interface client (`src/UserFunction.js`,
 * `_moduleRootAndHandler` + `_splitHandlerString`): the folder part is kept, the module name
 * ends at the first dot of the last path segment, the rest is the export path.
 *
 * @param handler - The function's `Handler`, e.g. `happy-path.handler`.
 * @returns The module path and the export path, or undefined when the runtime would reject it
 *   (no dot, or `..` in the string).
 * @example
 * ```ts
 * parseHandler('happy-path.handler'); // { modulePath: 'happy-path', exportPath: 'handler' }
 * parseHandler('lib/api.routes.get'); // { modulePath: 'lib/api', exportPath: 'routes.get' }
 * ```
 */
export function parseHandler(handler: string): HandlerParts | undefined {
  if (handler.includes('..')) return undefined;
  const last = posix.basename(handler);
  const match = /^([^.]*)\.(.+)$/.exec(last);
  if (match?.[1] === undefined || match[1] === '' || match[2] === undefined) return undefined;
  const moduleRoot = handler.slice(0, handler.length - last.length);
  return { modulePath: posix.join(moduleRoot, match[1]), exportPath: match[2] };
}

/**
 * Finds the file the Node.js runtime would load for a module path, trying the same names in the
 * same order as the runtime interface client: no extension, `.js`, `.mjs`, `.cjs`.
 *
 * @param codeUri - The function's code folder (absolute).
 * @param modulePath - From {@link parseHandler}.
 * @returns The absolute file path, or undefined when none exists.
 * @example
 * ```ts
 * resolveHandlerFile('/repo/patterns/x/dist/timeout', 'happy-path');
 * // '/repo/patterns/x/dist/timeout/happy-path.mjs'
 * ```
 */
export function resolveHandlerFile(codeUri: string, modulePath: string): string | undefined {
  const base = join(codeUri, modulePath);
  return ['', '.js', '.mjs', '.cjs']
    .map((extension) => base + extension)
    .find((file) => existsSync(file) && statSync(file).isFile());
}
