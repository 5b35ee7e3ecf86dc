/**
 * The options a command accepts, read from its own `--help` (or `aws ... help`), so that a README
 * cannot show an option the tool does not have. Each help text is read once per run.
 */
import { spawnSync } from 'node:child_process';

const cache = new Map<string, Set<string> | undefined>();
/** aws's help is a man page: bold letters are "x, backspace, x" overstrikes. */
const OVERSTRIKE = new RegExp(`.${String.fromCharCode(8)}`, 'g');

/**
 * Runs a help command and collects every `-x` and `--long-option` it mentions.
 *
 * @param root - Working directory (the repository root).
 * @param command - The help command, e.g. `['curl', '--help', 'all']`.
 * @returns The options, or undefined when the command is not installed or prints nothing.
 * @example
 * ```ts
 * helpFlags(root, ['scripts/ttfb', '--help'])?.has('--runs'); // true
 * ```
 */
export function helpFlags(root: string, command: readonly string[]): Set<string> | undefined {
  const key = command.join('\0');
  if (!cache.has(key)) {
    const [file = '', ...args] = command;
    const result = spawnSync(file, args, {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, PAGER: 'cat', MANPAGER: 'cat', AWS_PAGER: '' },
    });
    const text = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.replace(OVERSTRIKE, '');
    const flags = new Set(
      [...text.matchAll(/(?<![\w-])(--?[A-Za-z0-9][\w-]*)/g)].map((match) => match[1] ?? ''),
    );
    cache.set(key, result.error || text.trim() === '' ? undefined : flags);
  }
  return cache.get(key);
}

/**
 * The options a command line uses, `--name=value` cut to `--name` and `-sS` split into `-s`
 * and `-S`; values, `-` and numbers such as `-3` are left out.
 *
 * @param args - The words after the command.
 * @returns The options as the help would spell them.
 * @example
 * ```ts
 * usedFlags(['-sS', '-o', 'a.pdf', '--region=us-east-1']); // ['-s', '-S', '-o', '--region']
 * ```
 */
export function usedFlags(args: readonly string[]): string[] {
  return args.flatMap((arg) => {
    if (arg.startsWith('--')) return arg === '--' ? [] : [arg.split('=')[0] ?? arg];
    if (/^-[A-Za-z]+$/.test(arg)) return [...arg.slice(1)].map((letter) => `-${letter}`);
    return [];
  });
}

/**
 * The options of `args` that the help does not mention.
 *
 * @param args - The words after the command.
 * @param known - From {@link helpFlags} (several helps may be merged).
 * @returns The unknown options.
 * @example
 * ```ts
 * unknownFlags(['--runz', '5'], helpFlags(root, ['scripts/ttfb', '--help']) ?? new Set()); // ['--runz']
 * ```
 */
export function unknownFlags(args: readonly string[], known: ReadonlySet<string>): string[] {
  return usedFlags(args).filter((flag) => !known.has(flag));
}
