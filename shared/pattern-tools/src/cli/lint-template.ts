import { parseArgs } from 'node:util';
import { lintTemplates } from '../lint.js';

const USAGE = `Usage: lint-template [template.yaml ...]

Runs the Python cfn-lint (with the SAM translator) on the templates; any finding fails.
Exit codes: 0 clean, 1 findings or cfn-lint missing, 2 bad arguments.`;

/**
 * The `lint-template` command: runs cfn-lint on templates and fails on any finding.
 *
 * @param argv - Arguments after the command name: template paths (default `template.yaml`).
 * @returns The exit code: 0 clean, 1 findings or cfn-lint missing, 2 bad arguments.
 * @example
 * ```ts
 * process.exitCode = await main(process.argv.slice(2));
 * ```
 */
export async function main(argv: readonly string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help === true) {
    console.log(USAGE);
    return 0;
  }
  const paths = parsed.positionals.length > 0 ? parsed.positionals : ['template.yaml'];
  try {
    const result = await lintTemplates(paths);
    if (!result.ok)
      console.error(`lint-template: cfn-lint reported findings (exit code ${result.exitCode})`);
    return result.ok ? 0 : 1;
  } catch (error) {
    console.error(`lint-template: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
