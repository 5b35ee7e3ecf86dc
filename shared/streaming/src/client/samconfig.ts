import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'smol-toml';

/**
 * The stack name `sam deploy` uses by default: `default.deploy.parameters.stack_name`, else
 * `default.global.parameters.stack_name` (a command's own section wins, as in SAM).
 *
 * @param toml - The text of a samconfig.toml.
 * @returns The stack name, or `undefined` when neither section sets one.
 * @example
 * ```ts
 * stackNameFromSamconfig('[default.global.parameters]\nstack_name = "ttfb-write"'); // 'ttfb-write'
 * ```
 */
export function stackNameFromSamconfig(toml: string): string | undefined {
  const config = parse(toml);
  for (const command of ['deploy', 'global']) {
    const name = lookup(config, ['default', command, 'parameters', 'stack_name']);
    if (typeof name === 'string' && name !== '') return name;
  }
  return undefined;
}

/**
 * Reads the default stack name of a pattern from its samconfig.toml.
 *
 * @param patternDir - The pattern's folder.
 * @returns The stack name, or `undefined` when there is no file or it names no stack.
 * @example
 * ```ts
 * await readSamconfigStackName('patterns/sdk-invoke'); // 'sdk-invoke'
 * ```
 */
export async function readSamconfigStackName(patternDir: string): Promise<string | undefined> {
  const file = join(patternDir, 'samconfig.toml');
  if (!existsSync(file)) return undefined;
  return stackNameFromSamconfig(await readFile(file, 'utf8'));
}

function lookup(value: unknown, keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
