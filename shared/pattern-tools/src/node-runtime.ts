import { loadTemplate, type TemplateOptions } from '@lambda-streaming/sam-template';

/**
 * The Node.js major a Lambda runtime names.
 *
 * @param runtime - A function's `Runtime`.
 * @returns `24` for `nodejs24.x`; `undefined` for anything that is not `nodejs<major>.x`.
 * @example
 * ```ts
 * nodeMajor('nodejs24.x'); // 24
 * nodeMajor('python3.13'); // undefined
 * ```
 */
export function nodeMajor(runtime: string): number | undefined {
  const match = /^nodejs(\d+)\.x$/.exec(runtime);
  return match ? Number(match[1]) : undefined;
}

/**
 * The esbuild `target` for code that the given runtimes all run: the oldest major among them, so
 * esbuild lowers only what that Node.js lacks.
 *
 * @param runtimes - The `Runtime` of each function that loads the bundle (at least one).
 * @returns `node24` for `['nodejs24.x']`.
 * @throws TypeError when a runtime is not `nodejs<major>.x` or the list is empty.
 * @example
 * ```ts
 * esbuildNodeTarget(['nodejs24.x', 'nodejs22.x']); // 'node22'
 * ```
 */
export function esbuildNodeTarget(runtimes: readonly string[]): string {
  const majors = runtimes.map((runtime) => {
    const major = nodeMajor(runtime);
    if (major === undefined) {
      throw new TypeError(`Runtime "${runtime}" is not a Node.js runtime (nodejs<major>.x)`);
    }
    return major;
  });
  if (majors.length === 0) throw new TypeError('No runtime to build for');
  return `node${Math.min(...majors)}`;
}

/**
 * The one Node.js runtime every function of a template runs on: what a pattern's unit tests
 * follow, so the template is the only place that names it.
 *
 * @param templatePath - The SAM template.
 * @param options - Passed to `loadTemplate`.
 * @returns For example `nodejs24.x`.
 * @throws Error when the template has no function, or its functions name different runtimes.
 * @example
 * ```ts
 * await templateNodeRuntime('patterns/ttfb-write/template.yaml'); // 'nodejs24.x'
 * ```
 */
export async function templateNodeRuntime(
  templatePath: string,
  options?: TemplateOptions,
): Promise<string> {
  const { functions } = await loadTemplate(templatePath, options);
  const runtimes = [...new Set(functions.map((fn) => fn.runtime))];
  if (runtimes.length !== 1) {
    const found = runtimes.length === 0 ? 'no function' : runtimes.join(', ');
    throw new Error(`${templatePath}: expected one Runtime for every function, found ${found}`);
  }
  return runtimes[0] as string;
}

/**
 * The environment that makes `@lambda-streaming/testing` follow a template's runtime, as Lambda
 * sets it: `AWS_EXECUTION_ENV=AWS_Lambda_<runtime>`. For a pattern's `vitest.config.ts`; the
 * setup file installs the `awslambda` global of that runtime and `runtimeFromEnvironment()`
 * returns it to the tests.
 *
 * @param templatePath - The SAM template.
 * @returns `{ AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x' }` for a `nodejs24.x` template.
 * @example
 * ```ts
 * export default defineProject({
 *   test: { env: await templateTestEnvironment(fileURLToPath(new URL('template.yaml', import.meta.url))) },
 * });
 * ```
 */
export async function templateTestEnvironment(
  templatePath: string,
): Promise<{ AWS_EXECUTION_ENV: string }> {
  return { AWS_EXECUTION_ENV: `AWS_Lambda_${await templateNodeRuntime(templatePath)}` };
}
