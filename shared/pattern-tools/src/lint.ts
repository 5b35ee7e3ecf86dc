import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Options of {@link lintTemplates}.
 *
 * @example
 * ```ts
 * const options: LintOptions = { cwd: 'patterns/ttfb-write', capture: true };
 * ```
 */
export interface LintOptions {
  /** Folder to run cfn-lint in; template paths are relative to it. Default `process.cwd()`. */
  readonly cwd?: string;
  /** The cfn-lint executable. Default `cfn-lint` (found on `PATH`). */
  readonly command?: string;
  /** Collect cfn-lint's output in `output` instead of passing it through. Default `false`. */
  readonly capture?: boolean;
}

/**
 * What cfn-lint reported. Any finding, even informational, makes `ok` false.
 *
 * @example
 * ```ts
 * const result: LintResult = await lintTemplates();
 * if (result.warnings) console.error('cfn-lint warnings: fix them, the project allows none');
 * ```
 */
export interface LintResult {
  readonly ok: boolean;
  /** cfn-lint's exit code: bit 2 errors, bit 4 warnings, bit 8 informational; 1 a crash. */
  readonly exitCode: number;
  readonly errors: boolean;
  readonly warnings: boolean;
  readonly informational: boolean;
  /** stdout and stderr of cfn-lint, when `capture` is set. */
  readonly output?: string;
}

/**
 * The message shown when cfn-lint is missing.
 *
 * @example
 * ```ts
 * console.error(CFN_LINT_MISSING);
 * ```
 */
export const CFN_LINT_MISSING =
  'cfn-lint was not found on PATH. Install the Python cfn-lint, which includes the SAM ' +
  'translator: `pip install cfn-lint` (or run `.ci/run`, which installs it). The npm package ' +
  'named cfn-lint is a different, outdated tool.';

function toResult(exitCode: number, output: string | undefined): LintResult {
  return {
    ok: exitCode === 0,
    exitCode,
    errors: (exitCode & 2) !== 0,
    warnings: (exitCode & 4) !== 0,
    informational: (exitCode & 8) !== 0,
    ...(output === undefined ? {} : { output }),
  };
}

/**
 * Runs the Python `cfn-lint` (which runs the SAM translator, as `sam validate --lint` does) on
 * SAM templates. The project wants zero findings: errors, warnings and informational findings
 * all make the result fail.
 *
 * @param paths - Template files. Default `['template.yaml']`.
 * @param options - Working folder, executable, and whether to capture the output.
 * @returns The findings summary (cfn-lint prints the details).
 * @throws Error with install instructions when cfn-lint is not installed.
 * @example
 * ```ts
 * const result = await lintTemplates(['template.yaml'], { cwd: 'patterns/ttfb-write' });
 * if (!result.ok) process.exitCode = 1;
 * ```
 */
export function lintTemplates(
  paths: readonly string[] = ['template.yaml'],
  options: LintOptions = {},
): Promise<LintResult> {
  const { command = 'cfn-lint', capture = false } = options;
  const cwd = resolve(options.cwd ?? process.cwd());
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, [...paths], {
      cwd,
      stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? new Error(CFN_LINT_MISSING, { cause: error }) : error);
    });
    child.on('close', (code) => resolvePromise(toResult(code ?? 1, capture ? output : undefined)));
  });
}
