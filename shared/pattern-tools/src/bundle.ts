import { mkdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadTemplate, type TemplateOptions } from '@lambda-streaming/sam-template';
import { type BuildOptions, build } from 'esbuild';
import { type PlannedBundle, planBundles } from './bundle-plan.js';
import { BundleError } from './errors.js';
import { esbuildNodeTarget } from './node-runtime.js';
import { displayPath } from './paths.js';

/**
 * Options of {@link bundleFunctions}.
 *
 * @example
 * ```ts
 * const options: BundleOptions = { cwd: 'patterns/sdk-invoke', log: () => {} };
 * ```
 */
export interface BundleOptions {
  /** Template path, relative to `cwd`. Default `template.yaml`. */
  readonly templatePath?: string;
  /** The pattern folder. Default `process.cwd()`. */
  readonly cwd?: string;
  /** Receives one line per bundled file. Default `console.log`. */
  readonly log?: (line: string) => void;
  /** Passed to `loadTemplate` (parameter overrides, region, ...). */
  readonly templateOptions?: TemplateOptions;
}

/**
 * One file written by {@link bundleFunctions}.
 *
 * @example
 * ```ts
 * const [output]: BundleOutput[] = await bundleFunctions();
 * console.log(output?.outputFile, output?.bytes);
 * ```
 */
export interface BundleOutput {
  /** Absolute path of the bundle folder (the functions' `CodeUri`). */
  readonly bundleDir: string;
  /** Absolute path of the `.mjs` file. */
  readonly outputFile: string;
  /** Absolute path of the source entry. */
  readonly sourceFile: string;
  readonly bytes: number;
  /** Logical IDs of the functions that run this file. */
  readonly functions: readonly string[];
  /** esbuild's target: the Node.js major of the functions' `Runtime` (`node24` for `nodejs24.x`). */
  readonly target: string;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/**
 * Lets CommonJS dependencies call `require` inside an ES module bundle; without it esbuild's
 * shim throws "Dynamic require of ... is not supported".
 */
const REQUIRE_BANNER = [
  "import { createRequire as __bundleCreateRequire } from 'node:module';",
  'const require = __bundleCreateRequire(import.meta.url);',
].join('\n');

/**
 * Shared by every bundle; `@aws-sdk/*` is bundled too, so the artifact pins its SDK version. The
 * target comes from the template's `Runtime`, so it never says another Node.js than Lambda runs.
 */
const BUILD_OPTIONS: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  outExtension: { '.js': '.mjs' },
  mainFields: ['module', 'main'],
  sourcemap: true,
  banner: { js: REQUIRE_BANNER },
  logLevel: 'warning',
};

async function buildBundle(bundle: PlannedBundle, templateDir: string): Promise<BundleOutput[]> {
  await rm(bundle.dir, { recursive: true, force: true });
  await mkdir(bundle.dir, { recursive: true });
  const entryPoints = bundle.entries.map((entry) => ({ in: entry.source, out: entry.modulePath }));
  const target = esbuildNodeTarget(bundle.runtimes);
  try {
    const where = { entryPoints, outdir: bundle.dir, absWorkingDir: templateDir };
    await build({ ...BUILD_OPTIONS, ...where, target });
  } catch (error) {
    const where = displayPath(bundle.dir, process.cwd());
    throw new BundleError(`esbuild could not build ${where} (see the errors above)`, {
      cause: error,
    });
  }
  return Promise.all(
    bundle.entries.map(async (entry) => {
      const outputFile = join(bundle.dir, `${entry.modulePath}.mjs`);
      const { size } = await stat(outputFile);
      const functions = entry.functions;
      return {
        bundleDir: bundle.dir,
        outputFile,
        sourceFile: entry.source,
        bytes: size,
        functions,
        target,
      };
    }),
  );
}

/**
 * Bundles every function of a pattern's SAM template with esbuild: one ESM bundle folder per
 * `CodeUri` (`dist/<bundle-name>/`), holding `<file>.mjs` and its source map for each
 * `Handler: <file>.handler` (source `src/<file>.ts`), for the Node.js major its functions'
 * `Runtime` names (`nodejs24.x` → esbuild target `node24`). Each folder is emptied first, so no
 * stale files ship. Functions that share a `CodeUri` are built once.
 *
 * @param options - Template path, pattern folder and a logger.
 * @returns One entry per written `.mjs` file.
 * @throws {@link BundleError} when an entry file is missing, a `CodeUri` is not under `dist/`, or
 *   esbuild fails; nothing is deleted when the template itself is wrong.
 * @example
 * ```ts
 * // In patterns/sdk-invoke: writes dist/happy-path/handler.mjs, dist/timeout/handler.mjs, ...
 * const outputs = await bundleFunctions({ cwd: 'patterns/sdk-invoke' });
 * ```
 */
export async function bundleFunctions(options: BundleOptions = {}): Promise<BundleOutput[]> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const log = options.log ?? console.log;
  const template = await loadTemplate(
    resolve(cwd, options.templatePath ?? 'template.yaml'),
    options.templateOptions,
  );
  const outputs: BundleOutput[] = [];
  for (const bundle of planBundles(template)) {
    for (const output of await buildBundle(bundle, template.dir)) {
      outputs.push(output);
      const path = displayPath(output.outputFile, cwd);
      log(`${path}  ${formatSize(output.bytes)}  (${output.functions.join(', ')})`);
    }
  }
  return outputs;
}
