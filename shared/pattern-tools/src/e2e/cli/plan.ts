import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot, patternSlug } from '../repo.js';
import { E2E_ENV, type E2eTargetKind, e2eSettings } from '../settings.js';
import { type E2eArgs, stacksByPattern, UsageError } from './args.js';

/** Set by the root run for the pattern runs it starts through turbo. */
export const NESTED_ENV = 'E2E_NESTED';

/** What `lambda-e2e` is about to do. */
export interface RunPlan {
  target: E2eTargetKind;
  repoRoot: string;
  /** Slugs of the patterns that run. */
  patterns: string[];
  /** The command that runs the tests, and the variables it gets. */
  command: string[];
  env: Record<string, string>;
  /** A pattern run started by the root run (which then writes the merged report). */
  nested: boolean;
}

/**
 * Decides what to run from the arguments and the folder: in a pattern folder (it has a
 * template.yaml), vitest over that pattern's e2e files; at the root, turbo over every pattern's
 * `test:e2e` (building them first).
 *
 * @param args - The parsed command line.
 * @param cwd - Where `npm run test:e2e` was run.
 * @param env - The environment (a root run hands its settings down through it).
 * @returns The plan.
 * @throws {@link UsageError} for a folder, pattern or stack that does not fit.
 * @example
 * ```ts
 * planRun(parseE2eArgs(['--target', 'aws']), '/repo/patterns/sdk-invoke', process.env).command;
 * // ['vitest', 'run', '.e2e.test.']
 * ```
 */
export function planRun(args: E2eArgs, cwd: string, env: NodeJS.ProcessEnv): RunPlan {
  const inPattern = existsSync(join(cwd, 'template.yaml'));
  const repoRoot = findRepoRoot(cwd);
  if (!inPattern && repoRoot !== cwd) {
    throw new UsageError(`Run it at the repository root or in a pattern folder, not in ${cwd}.`);
  }
  const patterns = inPattern ? [patternSlug(cwd)] : selectPatterns(repoRoot, args.patterns);
  const settings = e2eSettings(env);
  const target = args.target ?? settings.kind;
  const defaultPattern = patterns.length === 1 ? patterns[0] : undefined;
  const stacks = { ...settings.stacks, ...stacksByPattern(args.stacks, defaultPattern) };
  checkStackPatterns(Object.keys(stacks), repoRoot);
  const filters = args.patterns.map((slug) => `--filter=./patterns/${slug}`);
  const command = inPattern
    ? ['vitest', 'run', '.e2e.test.']
    : ['turbo', 'run', 'test:e2e', '--continue', ...filters];
  const childEnv: Record<string, string> = {
    [E2E_ENV.target]: target,
    [E2E_ENV.stacks]: JSON.stringify(stacks),
  };
  if (!inPattern) childEnv[NESTED_ENV] = '1';
  return { target, repoRoot, patterns, command, env: childEnv, nested: env[NESTED_ENV] === '1' };
}

function selectPatterns(repoRoot: string, wanted: readonly string[]): string[] {
  const all = listPatterns(repoRoot);
  const unknown = wanted.filter((slug) => !all.includes(slug));
  if (unknown.length > 0) {
    throw new UsageError(`No pattern named ${unknown.join(', ')} (there are: ${all.join(', ')}).`);
  }
  return wanted.length > 0 ? [...wanted] : all;
}

function checkStackPatterns(slugs: readonly string[], repoRoot: string): void {
  const all = listPatterns(repoRoot);
  const unknown = slugs.filter((slug) => !all.includes(slug));
  if (unknown.length > 0) {
    throw new UsageError(
      `--stack names no pattern ${unknown.join(', ')} (there are: ${all.join(', ')}).`,
    );
  }
}

function listPatterns(repoRoot: string): string[] {
  const dir = join(repoRoot, 'patterns');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'template.yaml')))
    .map((entry) => entry.name)
    .sort();
}
