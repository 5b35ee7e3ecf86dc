import { parseArgs } from 'node:util';
import { bundleFunctions } from '../bundle.js';

const USAGE = `Usage: bundle-functions [template.yaml] [--parameter Name=Value ...]

Bundles every AWS::Serverless::Function of the template with esbuild into its CodeUri folder
(dist/<bundle-name>/<file>.mjs), from src/<file>.ts. Run it in the pattern folder.
--parameter (-p) gives a value to a template parameter that has no Default.
Exit codes: 0 built, 1 a problem (printed), 2 bad arguments.`;

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  parameter: { type: 'string', short: 'p', multiple: true },
} as const;

function parse(argv: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: OPTIONS,
  });
  if (positionals.length > 1) throw new Error('give at most one template path');
  const parameterOverrides: Record<string, string> = {};
  for (const pair of values.parameter ?? []) {
    const equals = pair.indexOf('=');
    if (equals < 1) throw new Error(`--parameter expects Name=Value, got "${pair}"`);
    parameterOverrides[pair.slice(0, equals)] = pair.slice(equals + 1);
  }
  return { help: values.help === true, templatePath: positionals[0], parameterOverrides };
}

/**
 * The `bundle-functions` command: bundles the functions of one template.
 *
 * @param argv - Arguments after the command name: an optional template path, `--parameter
 *   Name=Value` (repeatable), or `--help`.
 * @returns The exit code: 0 built, 1 a problem (printed on stderr), 2 bad arguments.
 * @example
 * ```ts
 * process.exitCode = await main(process.argv.slice(2));
 * ```
 */
export async function main(argv: readonly string[]): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  try {
    const { templatePath = 'template.yaml', parameterOverrides } = args;
    await bundleFunctions({ templatePath, templateOptions: { parameterOverrides } });
    return 0;
  } catch (error) {
    console.error(`bundle-functions: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
