/**
 * Turns `_HANDLER` into the handler function as aws-lambda-ric 4.x does
 * (`src/function/user-function-loader.ts`, `module-loader.ts`, `handler-resolver.ts`,
 * `src/utils/handler-path.ts`). What changed since 3.3.0: every candidate file goes through
 * `import()` (a `.js` file with ESM syntax loads without `"type": "module"`), a handler that is
 * not in the module namespace is looked up again in its `default` export, and a nested name
 * (`a.b.c`) descends only through objects.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Handler } from '../types.js';
import {
  HandlerNotFoundError,
  ImportModuleError,
  MalformedHandlerNameError,
  UserCodeSyntaxError,
} from './errors.js';

const cjsRequire = createRequire(import.meta.url);
const FUNCTION_EXPR = /^([^.]*)\.(.*)$/;
const EXTENSION_LOOKUP_ORDER = ['', '.js', '.mjs', '.cjs'];

/**
 * Loads the module (its top-level code, top-level await included) and returns the handler.
 *
 * @param appRoot - `LAMBDA_TASK_ROOT`.
 * @param handlerString - `_HANDLER`, e.g. `index.handler`, `src/app.handler`, `a.b.c`.
 * @returns The handler function.
 * @throws `Runtime.MalformedHandlerName`, `Runtime.ImportModuleError`,
 *   `Runtime.UserCodeSyntaxError`, `Runtime.HandlerNotFound`, or what the module threw.
 * @example
 * ```ts
 * const handler = await loadHandler('/var/task', 'index.handler');
 * ```
 */
export async function loadHandler(appRoot: string, handlerString: string): Promise<Handler> {
  if (handlerString.includes('..')) {
    throw new MalformedHandlerNameError(
      `'${handlerString}' is not a valid handler name. Use absolute paths when specifying root directories in handler names.`,
    );
  }
  const { moduleRoot, moduleName, handlerName } = parseHandlerString(handlerString);
  const userModule = await loadModule(appRoot, moduleRoot, moduleName);
  return resolveHandler(userModule, handlerName, handlerString);
}

function parseHandlerString(fullHandlerString: string) {
  const handlerString = path.basename(fullHandlerString);
  const moduleRoot = fullHandlerString.substring(0, fullHandlerString.indexOf(handlerString));
  const match = handlerString.match(FUNCTION_EXPR);
  if (match?.length !== 3) throw new MalformedHandlerNameError('Bad handler');
  return {
    moduleRoot: moduleRoot.replace(/\/$/, ''),
    moduleName: match[1] ?? '',
    handlerName: match[2] ?? '',
  };
}

async function loadModule(appRoot: string, moduleRoot: string, moduleName: string) {
  const withoutExtension = path.resolve(appRoot, moduleRoot, moduleName);
  try {
    for (const extension of EXTENSION_LOOKUP_ORDER) {
      const file = `${withoutExtension}${extension}`;
      // 4.x imports the plain path, not a file: URL.
      if (existsSync(file)) return (await import(file)) as unknown;
    }
    const resolved = cjsRequire.resolve(moduleName, {
      paths: [appRoot, path.join(appRoot, moduleRoot)],
    });
    return cjsRequire(resolved) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) throw new UserCodeSyntaxError(error);
    if (error instanceof Error && (error as { code?: unknown }).code === 'MODULE_NOT_FOUND') {
      throw new ImportModuleError(error);
    }
    throw error;
  }
}

function resolveHandler(userModule: unknown, handlerName: string, fullHandlerString: string) {
  let handler = findIn(handlerName, userModule);
  if (
    !handler &&
    typeof userModule === 'object' &&
    userModule !== null &&
    'default' in userModule
  ) {
    handler = findIn(handlerName, (userModule as { default: unknown }).default);
  }
  if (!handler) throw new HandlerNotFoundError(`${fullHandlerString} is undefined or not exported`);
  if (typeof handler !== 'function') {
    throw new HandlerNotFoundError(`${fullHandlerString} is not a function`);
  }
  return handler as Handler;
}

function findIn(handlerName: string, userModule: unknown): unknown {
  return handlerName
    .split('.')
    .reduce<unknown>(
      (nested, key) =>
        nested && typeof nested === 'object' ? (nested as Record<string, unknown>)[key] : undefined,
      userModule,
    );
}
