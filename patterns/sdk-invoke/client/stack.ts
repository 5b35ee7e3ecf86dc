import { fileURLToPath } from 'node:url';
import { readSamconfigStackName } from '@lambda-streaming/streaming/client';
import { UsageError } from './args.js';
import type { InvokeCase } from './cases.js';

/** The pattern folder, found next to this folder whatever the working directory. */
export const PATTERN_DIR = fileURLToPath(new URL('..', import.meta.url));

/**
 * Reads the default stack name from the pattern's samconfig.toml.
 *
 * @param patternDir - The folder holding samconfig.toml.
 * @returns The stack name.
 * @throws {@link UsageError} when the file sets none.
 * @example
 * ```ts
 * await readDefaultStackName(); // 'sdk-invoke'
 * ```
 */
export async function readDefaultStackName(patternDir: string = PATTERN_DIR): Promise<string> {
  const name = await readSamconfigStackName(patternDir);
  if (!name)
    throw new UsageError(`${patternDir}samconfig.toml sets no stack_name: pass --stack NAME.`);
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
