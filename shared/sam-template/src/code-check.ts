import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { displayPath, TemplateError } from './errors.js';
import type { FunctionScope } from './function-scope.js';
import { parseHandler, resolveHandlerFile } from './handler.js';
import type { SamFunction } from './types.js';
import { isMap } from './values.js';

/** Extensions a build step (`Metadata: BuildMethod`, e.g. esbuild) may start from. */
const SOURCE_EXTENSIONS = ['', '.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs', '.jsx'];

interface BuildMetadata {
  readonly method: string;
  readonly entryPoints: readonly string[];
}

function readBuildMetadata(metadata: unknown): BuildMetadata | undefined {
  if (!isMap(metadata) || typeof metadata.BuildMethod !== 'string') return undefined;
  const properties = isMap(metadata.BuildProperties) ? metadata.BuildProperties : {};
  const entries = Array.isArray(properties.EntryPoints) ? properties.EntryPoints : [];
  const entryPoints = entries.filter((entry): entry is string => typeof entry === 'string');
  return { method: metadata.BuildMethod, entryPoints };
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

function isSourceFile(base: string): boolean {
  return SOURCE_EXTENSIONS.some((extension) => {
    const file = base + extension;
    return existsSync(file) && statSync(file).isFile();
  });
}

/** Checks a function built by `sam build` from sources: its entry points must exist. */
function checkEntryPoints(
  scope: FunctionScope,
  fn: SamFunction,
  build: BuildMetadata,
  modulePath: string,
): string[] {
  const { file } = scope.context;
  const metadataPath = `Resources.${fn.logicalId}.Metadata`;
  const entries =
    build.entryPoints.length > 0
      ? build.entryPoints.map((entry, index) => ({
          base: resolve(fn.codeUri, entry),
          path: `${metadataPath}.BuildProperties.EntryPoints[${index}]`,
          shown: displayPath(resolve(fn.codeUri, entry)),
        }))
      : [
          {
            base: join(fn.codeUri, modulePath),
            path: scope.at('Handler').path,
            shown: `${displayPath(join(fn.codeUri, modulePath))}.ts (or .js, .mjs, ...)`,
          },
        ];
  const missing = entries.find((entry) => !isSourceFile(entry.base));
  if (missing !== undefined) {
    throw new TemplateError(file, missing.path, `entry point ${missing.shown} does not exist`);
  }
  const detail = `BuildMethod ${build.method} builds this function from the sources in ${displayPath(fn.codeUri)}, which hold no built ${modulePath}.js or .mjs: run \`sam build\` and serve .aws-sam/build/template.yaml`;
  return [`${displayPath(file)}: ${metadataPath}.BuildMethod: ${detail}`];
}

/**
 * Checks that a function's code is where its template says, so that a missing build fails at
 * start with the file and property to fix, not at the first invocation: the `CodeUri` folder
 * must exist; for a Node.js runtime, the file its `Handler` names (`.js`, `.mjs` or `.cjs`, as
 * the runtime looks for it); for a function with `Metadata: BuildMethod` whose `CodeUri` holds
 * sources rather than the build, its `BuildProperties.EntryPoints` (or its handler's source).
 *
 * @param scope - The function being read (for the property paths).
 * @param fn - The function as read.
 * @param metadata - The resource's `Metadata`.
 * @returns Warnings: a `BuildMethod` function whose `CodeUri` holds sources only.
 * @throws {@link TemplateError} naming the missing folder, handler file or entry point.
 * @example
 * ```ts
 * const warnings = checkFunctionCode(scope, fn, resource.Metadata);
 * ```
 */
export function checkFunctionCode(
  scope: FunctionScope,
  fn: SamFunction,
  metadata: unknown,
): string[] {
  const { file } = scope.context;
  if (!isDirectory(fn.codeUri)) {
    const detail = `the folder ${displayPath(fn.codeUri)} does not exist (it must hold the function's built code: build it first)`;
    throw new TemplateError(file, scope.at('CodeUri').path, detail);
  }
  // Handlers of other runtimes are not looked for here (the emulator rejects those runtimes).
  if (!fn.runtime.startsWith('nodejs')) return [];
  const handlerAt = scope.at('Handler').path;
  const parts = parseHandler(fn.handler);
  if (parts === undefined) {
    throw new TemplateError(file, handlerAt, `"${fn.handler}" is not <file>.<export>`);
  }
  if (resolveHandlerFile(fn.codeUri, parts.modulePath) !== undefined) return [];
  const build = readBuildMetadata(metadata);
  if (build !== undefined) return checkEntryPoints(scope, fn, build, parts.modulePath);
  const base = displayPath(join(fn.codeUri, parts.modulePath));
  const detail = `"${fn.handler}" needs ${base}.js, .mjs or .cjs, and none exists`;
  throw new TemplateError(file, handlerAt, detail);
}
