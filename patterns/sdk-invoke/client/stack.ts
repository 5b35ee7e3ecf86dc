import { readFile } from 'node:fs/promises';
import { parse } from 'smol-toml';
import { UsageError } from './args.js';
import type { InvokeCase } from './cases.js';

/** The pattern's samconfig.toml, found next to this folder whatever the working directory. */
export const SAMCONFIG_FILE = new URL('../samconfig.toml', import.meta.url);

/**
 * The stack name `sam deploy` uses by default: `default.deploy.parameters.stack_name`, else
 * `default.global.parameters.stack_name` (SAM lets a command's own section win).
 *
 * @param toml - The text of a samconfig.toml.
 * @returns The stack name, or `undefined` when neither section sets one.
 * @example
 * ```ts
 * stackNameFromSamconfig('[default.global.parameters]\nstack_name = "sdk-invoke"'); // 'sdk-invoke'
 * ```
 */
export function stackNameFromSamconfig(toml: string): string | undefined {
  const config = parse(toml) as Record<string, unknown>;
  for (const command of ['deploy', 'global']) {
    const name = path(config, ['default', command, 'parameters', 'stack_name']);
    if (typeof name === 'string' && name !== '') return name;
  }
  return undefined;
}

/**
 * Reads the default stack name from the pattern's samconfig.toml.
 *
 * @param file - The samconfig.toml to read.
 * @returns The stack name.
 * @throws {@link UsageError} when the file sets none.
 */
export async function readDefaultStackName(file: URL = SAMCONFIG_FILE): Promise<string> {
  const name = stackNameFromSamconfig(await readFile(file, 'utf8'));
  if (!name) throw new UsageError(`${file.pathname} sets no stack_name: pass --stack NAME.`);
  return name;
}

/** The part of a `DescribeStacks` result this client reads. */
export interface DescribeStacksResult {
  Stacks?: { Outputs?: { OutputKey?: string; OutputValue?: string }[] }[];
}

/**
 * Picks a function's name out of a stack's outputs.
 *
 * @param result - What `DescribeStacksCommand` returned for the stack.
 * @param invokeCase - The demonstration whose function is wanted.
 * @param stack - The stack's name, for the error message.
 * @returns The function name.
 * @throws {@link UsageError} naming the missing output and the outputs that exist.
 * @example
 * ```ts
 * functionNameFromStack(result, CASES[0], 'sdk-invoke'); // 'sdk-invoke-HappyPathFunction-AbC'
 * ```
 */
export function functionNameFromStack(
  result: DescribeStacksResult,
  invokeCase: InvokeCase,
  stack: string,
): string {
  const outputs = result.Stacks?.[0]?.Outputs ?? [];
  const value = outputs.find((output) => output.OutputKey === invokeCase.outputKey)?.OutputValue;
  if (value) return value;
  const keys = outputs.map((output) => output.OutputKey).join(', ') || 'none';
  throw new UsageError(
    `Stack ${stack} has no output ${invokeCase.outputKey} (its outputs: ${keys}). ` +
      'Is it the sdk-invoke stack? Pass --stack NAME.',
  );
}

function path(value: unknown, keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
