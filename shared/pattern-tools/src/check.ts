import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  loadTemplate,
  parseHandler,
  resolveHandlerFile,
  type SamFunction,
  type SamTemplate,
  type TemplateOptions,
} from '@lambda-streaming/sam-template';
import { inspectExport } from './inspect-export.js';
import { functionsWithoutInvokeMode } from './invoke-mode.js';
import { nodeMajor } from './node-runtime.js';
import { displayPath, isInside } from './paths.js';

/**
 * The result of checking one function's template entry against its built bundle.
 *
 * @example
 * ```ts
 * const [result]: TemplateBundleCheck[] = await checkTemplateBundles('template.yaml');
 * // { logicalId: 'StreamingFunction', runtime: 'nodejs24.x', handler: 'handler.handler',
 * //   codeUri: '/repo/patterns/ttfb-write/dist/handler',
 * //   bundleFile: '/repo/patterns/ttfb-write/dist/handler/handler.mjs', problems: [] }
 * ```
 */
export interface TemplateBundleCheck {
  readonly logicalId: string;
  readonly runtime: string;
  readonly handler: string;
  /** Absolute path of the `CodeUri` folder. */
  readonly codeUri: string;
  /** The file the Node.js runtime would load, if there is one. */
  readonly bundleFile: string | undefined;
  /** What is wrong, one sentence each; empty when the function is deployable. */
  readonly problems: string[];
}

const REBUILD = 'run bundle-functions (npm run build)';

function checkPlacement(fn: SamFunction, template: SamTemplate): string[] {
  const problems: string[] = [];
  if (nodeMajor(fn.runtime) === undefined) {
    problems.push(`Runtime "${fn.runtime}" is not a Node.js managed runtime (nodejs<major>.x)`);
  }
  const shown = displayPath(fn.codeUri, template.dir);
  if (!isInside(fn.codeUri, join(template.dir, 'dist'))) {
    problems.push(`CodeUri ${shown} is not a bundle folder under dist/ (dist/<bundle-name>/)`);
  } else if (!existsSync(fn.codeUri) || !statSync(fn.codeUri).isDirectory()) {
    problems.push(`CodeUri ${shown}/ does not exist; ${REBUILD}`);
  }
  return problems;
}

async function checkExport(fn: SamFunction, file: string, exportPath: string, shown: string) {
  const found = await inspectExport(file, exportPath, fn.environment);
  if (found.error !== undefined) return [`importing ${shown} under node fails: ${found.error}`];
  if (found.type !== 'function') {
    return [`${shown} does not export a function named "${exportPath}" (found ${found.type})`];
  }
  if (fn.functionUrl?.invokeMode === 'RESPONSE_STREAM' && found.streaming !== true) {
    return [
      `FunctionUrlConfig.InvokeMode is RESPONSE_STREAM but "${exportPath}" is not wrapped with streamifyResponse, so Lambda would buffer the response`,
    ];
  }
  return [];
}

async function checkBundle(fn: SamFunction, template: SamTemplate) {
  const parts = parseHandler(fn.handler);
  if (parts === undefined) {
    return { bundleFile: undefined, problems: [`Handler "${fn.handler}" is not <file>.<export>`] };
  }
  const expected = `${join(fn.codeUri, parts.modulePath)}.mjs`;
  const bundleFile = resolveHandlerFile(fn.codeUri, parts.modulePath);
  if (bundleFile === undefined) {
    const problem = `${displayPath(expected, template.dir)} does not exist; ${REBUILD}`;
    return { bundleFile, problems: existsSync(fn.codeUri) ? [problem] : [] };
  }
  const shown = displayPath(bundleFile, template.dir);
  if (bundleFile !== expected) {
    const problem = `the runtime would load ${shown} instead of the .mjs bundle; delete it and ${REBUILD}`;
    return { bundleFile, problems: [problem] };
  }
  return { bundleFile, problems: await checkExport(fn, bundleFile, parts.exportPath, shown) };
}

async function checkFunction(
  fn: SamFunction,
  template: SamTemplate,
  invokeModeMissing: boolean,
): Promise<TemplateBundleCheck> {
  const { bundleFile, problems } = await checkBundle(fn, template);
  const urlProblems = invokeModeMissing
    ? ['FunctionUrlConfig does not set InvokeMode (Lambda defaults to BUFFERED); set it explicitly']
    : [];
  const { logicalId, runtime, handler, codeUri } = fn;
  const allProblems = [...checkPlacement(fn, template), ...problems, ...urlProblems];
  return { logicalId, runtime, handler, codeUri, bundleFile, problems: allProblems };
}

/**
 * Checks that each function in a pattern's template matches its built bundle: `Runtime` is a
 * `nodejs*.x` runtime; `CodeUri` is an existing folder under the pattern's `dist/`; the file that
 * `Handler` names is there as `.mjs` (found like the Node.js runtime does: no extension, `.js`,
 * `.mjs`, `.cjs`) and exports that function when imported in a separate `node` process;
 * a `FunctionUrlConfig` sets `InvokeMode` explicitly, and `RESPONSE_STREAM` URLs have a handler
 * wrapped with `streamifyResponse`. Run it after `bundle-functions`.
 *
 * @param templatePath - Path of the template.
 * @param options - Passed to `loadTemplate`.
 * @returns One result per function, in template order.
 * @throws `TemplateError` when the template cannot be loaded (bad `AuthType`, ...).
 * @example
 * ```ts
 * // patterns/<slug>/test/template.test.ts
 * it('matches its bundles', async () => {
 *   const results = await checkTemplateBundles('template.yaml');
 *   expect(results.flatMap((result) => result.problems)).toEqual([]);
 * });
 * ```
 */
export async function checkTemplateBundles(
  templatePath: string,
  options: TemplateOptions = {},
): Promise<TemplateBundleCheck[]> {
  const template = await loadTemplate(templatePath, options);
  const withoutInvokeMode = await functionsWithoutInvokeMode(template.path);
  return Promise.all(
    template.functions.map((fn) =>
      checkFunction(fn, template, withoutInvokeMode.has(fn.logicalId)),
    ),
  );
}
