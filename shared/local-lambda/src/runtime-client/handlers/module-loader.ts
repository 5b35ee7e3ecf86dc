/**
 * Loads the handler's module the way the managed runtime does (RIC `src/UserFunction.js`
 * `_tryRequire`): relative to the task root, trying the extensionless path, then `.js` through
 * `require` unless the nearest package.json says `"type": "module"`, then `.js` (ESM), `.mjs`
 * and `.cjs` in that order, and finally Node's own resolution (`node_modules`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const requireFromRuntime = createRequire(import.meta.url);

/**
 * @param appRoot - `LAMBDA_TASK_ROOT`.
 * @param moduleRoot - The folder part of the handler string (`src/` for `src/app.handler`).
 * @param moduleName - The file part (`app`).
 * @returns The module's exports (CommonJS) or namespace (ESM).
 * @throws What Node throws: `MODULE_NOT_FOUND`, a `SyntaxError`, or the module's own error.
 * @example
 * ```ts
 * const app = await loadUserModule('/var/task', 'src/', 'app');
 * ```
 */
export async function loadUserModule(
  appRoot: string,
  moduleRoot: string,
  moduleName: string,
): Promise<unknown> {
  const lambdaStylePath = path.resolve(appRoot, moduleRoot, moduleName);
  const extensionless = tryRequireFile(lambdaStylePath);
  if (extensionless) return extensionless;

  const isModulePackage = hasPackageJsonTypeModule(lambdaStylePath);
  if (!isModulePackage) {
    const loaded = tryRequireFile(lambdaStylePath, '.js');
    if (loaded) return loaded;
  }
  const loaded =
    (isModulePackage && (await tryImportFile(lambdaStylePath, '.js'))) ||
    (await tryImportFile(lambdaStylePath, '.mjs')) ||
    tryRequireFile(lambdaStylePath, '.cjs');
  if (loaded) return loaded;

  // As RIC: not `require(moduleName)`, which would resolve from the runtime's own folder.
  const nodeStylePath = requireFromRuntime.resolve(moduleName, { paths: [appRoot, moduleRoot] });
  return requireFromRuntime(nodeStylePath);
}

function tryRequireFile(file: string, extension = ''): unknown {
  const fullPath = file + extension;
  return existsSync(fullPath) ? requireFromRuntime(fullPath) : undefined;
}

async function tryImportFile(file: string, extension: string): Promise<unknown> {
  const fullPath = file + extension;
  return existsSync(fullPath) ? await import(pathToFileURL(fullPath).href) : undefined;
}

/** Only a `.js` file next to the path makes the package type matter (RIC). */
function hasPackageJsonTypeModule(file: string): boolean {
  const jsPath = `${file}.js`;
  return existsSync(jsPath) ? folderHasTypeModule(path.dirname(jsPath)) : false;
}

/**
 * The nearest package.json decides; a `node_modules` folder or the file system root stops the
 * search (RIC `_hasFolderPackageJsonTypeModule`).
 */
function folderHasTypeModule(folder: string): boolean {
  if (folder.endsWith('/node_modules')) return false;
  const packageJsonPath = path.join(folder, '/package.json');
  if (existsSync(packageJsonPath)) {
    try {
      const pkg = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { type?: unknown } | null;
      if (pkg) return pkg.type === 'module';
    } catch (error) {
      console.warn(
        `${packageJsonPath} cannot be read, it will be ignored for ES module detection purposes.`,
        error,
      );
      return false;
    }
  }
  if (folder === '/') return false;
  return folderHasTypeModule(path.resolve(folder, '..'));
}
