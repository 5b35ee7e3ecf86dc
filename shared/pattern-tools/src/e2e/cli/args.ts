import { parseArgs } from 'node:util';
import type { E2eTargetKind } from '../settings.js';

/** The parsed command line of `npm run test:e2e --`. */
export interface E2eArgs {
  /** `undefined`: keep `E2E_TARGET`, else local. */
  target: E2eTargetKind | undefined;
  /** `--stack` values: `NAME` (for the one pattern being run) or `PATTERN=NAME`. */
  stacks: string[];
  /** `--pattern` values: run only these patterns (from the root). */
  patterns: string[];
  help: boolean;
}

/** A command line that cannot be run; the message says why. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Text of `--help`. */
export const USAGE = `Usage: npm run test:e2e -- [--target local|aws] [--stack [PATTERN=]NAME ...] [--pattern SLUG ...]

Runs the patterns' end-to-end tests (test/*.e2e.test.ts): real curl, the AWS SDK and boto3
against every function. At the repository root it runs every pattern (turbo builds them first);
in a pattern folder, that pattern only (run npm run build first).

  --target local   (default) against local-lambda, started on free ports by each test file
  --target aws     against the deployed stacks: region and credentials from the standard AWS
                   chain (AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_REGION);
                   function names and URLs from the stacks' outputs. What AWS has not confirmed
                   is recorded in test-results/e2e-aws-observations.json, not asserted.
  --stack P=NAME   the stack of pattern P (default: stack_name in P/samconfig.toml);
                   in a pattern folder, --stack NAME is enough
  --pattern SLUG   at the root, run only this pattern (repeatable)
  -h, --help       show this help

Exit codes: 0 every test passed; 1 a test failed, or the target could not be reached (the
message says what to set); 2 invalid options.`;

/**
 * Parses the arguments after `npm run test:e2e --`.
 *
 * @param argv - The arguments.
 * @returns The parsed command line.
 * @throws {@link UsageError} for an unknown option or target.
 * @example
 * ```ts
 * parseE2eArgs(['--target', 'aws', '--stack', 'sdk-invoke=demo']).stacks; // ['sdk-invoke=demo']
 * ```
 */
export function parseE2eArgs(argv: readonly string[]): E2eArgs {
  const { values } = parseStrict(argv);
  const target = values.target;
  if (target !== undefined && target !== 'local' && target !== 'aws') {
    throw new UsageError(`--target must be local or aws, not "${target}".`);
  }
  return {
    target,
    stacks: values.stack ?? [],
    patterns: values.pattern ?? [],
    help: values.help ?? false,
  };
}

/**
 * Turns `--stack` values into stack names by pattern.
 *
 * @param values - `NAME` or `PATTERN=NAME` each.
 * @param defaultPattern - The pattern a bare `NAME` belongs to, when exactly one runs.
 * @returns Stack names by pattern slug.
 * @throws {@link UsageError} for a bare name when several patterns run, or an empty part.
 * @example
 * ```ts
 * stacksByPattern(['demo'], 'sdk-invoke'); // { 'sdk-invoke': 'demo' }
 * ```
 */
export function stacksByPattern(
  values: readonly string[],
  defaultPattern: string | undefined,
): Record<string, string> {
  const stacks: Record<string, string> = {};
  for (const value of values) {
    const [pattern, name] = value.includes('=')
      ? [value.slice(0, value.indexOf('=')), value.slice(value.indexOf('=') + 1)]
      : [defaultPattern, value];
    if (pattern === undefined) {
      throw new UsageError(
        `--stack ${value}: name the pattern too, e.g. --stack ttfb-write=${value}, ` +
          'or run it from the pattern folder.',
      );
    }
    if (!pattern || !name) throw new UsageError(`--stack ${value}: expected PATTERN=NAME.`);
    stacks[pattern] = name;
  }
  return stacks;
}

function parseStrict(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      options: {
        target: { type: 'string' },
        stack: { type: 'string', multiple: true },
        pattern: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
