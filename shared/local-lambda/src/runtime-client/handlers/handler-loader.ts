/**
 * Turns `_HANDLER` into the handler function (RIC `src/UserFunction.js` `load`): the folder and
 * file come from the part before the first dot of the last path segment, the rest is a
 * property path into the module (`a.b.c` → `exports.b.c` of `a`).
 */
import path from 'node:path';
import { createAwslambdaGlobal } from '@lambda-streaming/streaming/wire';
import {
  HandlerNotFound,
  ImportModuleError,
  MalformedHandlerName,
  UserCodeSyntaxError,
} from '../errors.js';
import type { Handler } from '../types.js';
import { loadUserModule } from './module-loader.js';

const FUNCTION_EXPR = /^([^.]*)\.(.*)$/;
const RELATIVE_PATH_SUBSTRING = '..';

/**
 * Loads the module (running its top-level code, top-level await included) and returns the
 * handler.
 *
 * @param appRoot - `LAMBDA_TASK_ROOT`.
 * @param fullHandlerString - `_HANDLER`, e.g. `index.handler`, `src/app.handler`, `a.b.c`.
 * @returns The handler function.
 * @throws `Runtime.MalformedHandlerName`, `Runtime.ImportModuleError`,
 *   `Runtime.UserCodeSyntaxError`, `Runtime.HandlerNotFound`, or what the module threw.
 * @example
 * ```ts
 * const handler = await loadHandler('/var/task', 'index.handler');
 * ```
 */
export async function loadHandler(appRoot: string, fullHandlerString: string): Promise<Handler> {
  if (fullHandlerString.includes(RELATIVE_PATH_SUBSTRING)) {
    throw new MalformedHandlerName(
      `'${fullHandlerString}' is not a valid handler name. Use absolute paths when specifying root directories in handler names.`,
    );
  }
  const [moduleRoot, moduleAndHandler] = moduleRootAndHandler(fullHandlerString);
  const [moduleName, handlerPath] = splitHandlerString(moduleAndHandler);
  const userApp = await loadUserApp(appRoot, moduleRoot, moduleName);
  const handler = resolveHandler(userApp, handlerPath);
  if (!handler) {
    throw new HandlerNotFound(`${fullHandlerString} is undefined or not exported`);
  }
  if (typeof handler !== 'function') {
    throw new HandlerNotFound(`${fullHandlerString} is not a function`);
  }
  return handler as Handler;
}

/** `./dir/module.nested.fn` → [`./dir/`, `module.nested.fn`] */
function moduleRootAndHandler(fullHandlerString: string): [string, string] {
  const handlerString = path.basename(fullHandlerString);
  const moduleRoot = fullHandlerString.substring(0, fullHandlerString.indexOf(handlerString));
  return [moduleRoot, handlerString];
}

function splitHandlerString(handler: string): [string, string] {
  const match = handler.match(FUNCTION_EXPR);
  if (match?.length !== 3) throw new MalformedHandlerName('Bad handler');
  return [match[1] ?? '', match[2] ?? ''];
}

function resolveHandler(userApp: unknown, nestedProperty: string): unknown {
  return nestedProperty
    .split('.')
    .reduce<unknown>((nested, key) => nested && (nested as Record<string, unknown>)[key], userApp);
}

/** Installs `awslambda`, then loads; maps Node's errors to the runtime's (RIC `_loadUserApp`). */
async function loadUserApp(appRoot: string, moduleRoot: string, moduleName: string) {
  const noGlobal = process.env.AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA;
  if (noGlobal !== '1' && noGlobal !== 'true') {
    (globalThis as { awslambda?: unknown }).awslambda = createAwslambdaGlobal();
  }
  try {
    return await loadUserModule(appRoot, moduleRoot, moduleName);
  } catch (error) {
    if (error instanceof SyntaxError) throw new UserCodeSyntaxError(error as unknown as string);
    if ((error as { code?: unknown }).code === 'MODULE_NOT_FOUND') {
      throw new ImportModuleError(error as unknown as string);
    }
    throw error;
  }
}
