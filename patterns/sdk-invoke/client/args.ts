import { parseArgs } from 'node:util';
import { CASE_NAMES, type CaseName } from './cases.js';

/** The parsed command line of `npm run invoke`. */
export interface InvokeArgs {
  /** One demonstration, or all three in order. */
  target: CaseName | 'all';
  /** CloudFormation stack to read the function names from (default: samconfig.toml). */
  stack: string | undefined;
  /** Lambda API endpoint, e.g. the local emulator's `http://127.0.0.1:3000`. */
  endpoint: string | undefined;
  /** Function name or ARN to invoke instead of the one the stack or emulator names. */
  functionName: string | undefined;
  help: boolean;
}

/** A command line that cannot be run; the message says why. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Text of `--help`. */
export const USAGE = `Usage: npm run invoke -w patterns/sdk-invoke -- <${[...CASE_NAMES, 'all'].join('|')}> [options]

Invokes the sdk-invoke functions with InvokeWithResponseStream and prints every chunk with its
arrival time, then the InvokeComplete event (ErrorCode, ErrorDetails, decoded tail logs).

Options:
  --stack NAME      stack whose outputs name the functions (default: stack_name in samconfig.toml)
  --endpoint URL    Lambda API endpoint, e.g. http://127.0.0.1:3000 for the local emulator;
                    functions are then named by logical ID and no stack is read
  --function NAME   invoke this function name or ARN (with a single demonstration only)
  -h, --help        show this help

The region comes from the standard AWS chain (AWS_REGION, or the profile's region).

Exit codes: 0 every demonstration behaved as expected (the error cases are expected to end
with an ErrorCode), 1 one did not, 2 the command could not run (usage, region, stack).`;

/**
 * Parses the arguments after `npm run invoke -w patterns/sdk-invoke --`.
 *
 * @param argv - The arguments, without `node` and the script path.
 * @returns The parsed command line.
 * @throws {@link UsageError} for unknown options, a missing or unknown demonstration, an
 *   invalid endpoint URL, or `--function` with `all`.
 * @example
 * ```ts
 * parseInvokeArgs(['timeout', '--endpoint', 'http://127.0.0.1:3000']).target; // 'timeout'
 * ```
 */
export function parseInvokeArgs(argv: readonly string[]): InvokeArgs {
  const { values, positionals } = parseStrict(argv);
  const args: InvokeArgs = {
    target: 'all',
    stack: values.stack,
    endpoint: values.endpoint,
    functionName: values.function,
    help: values.help ?? false,
  };
  if (args.help) return args;
  args.target = parseTarget(positionals);
  if (args.endpoint !== undefined && !URL.canParse(args.endpoint)) {
    throw new UsageError(
      `--endpoint needs a URL such as http://127.0.0.1:3000, not "${args.endpoint}".`,
    );
  }
  if (args.functionName !== undefined && args.target === 'all') {
    throw new UsageError(
      '--function names one function: use it with happy, midstream-error or timeout.',
    );
  }
  return args;
}

function parseStrict(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        stack: { type: 'string' },
        endpoint: { type: 'string' },
        function: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function parseTarget(positionals: string[]): CaseName | 'all' {
  const choices = [...CASE_NAMES, 'all'];
  if (positionals.length !== 1) {
    throw new UsageError(`Name one demonstration: ${choices.join(', ')}.`);
  }
  const [target = ''] = positionals;
  if (!choices.includes(target)) {
    throw new UsageError(`Unknown demonstration "${target}": choose ${choices.join(', ')}.`);
  }
  return target as CaseName | 'all';
}
