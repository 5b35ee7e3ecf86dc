/**
 * Runs the runnable lines of each README (kinds setup, runs-locally, needs-emulator) in one bash
 * session per README, in order, as a reader pasting them into a fresh terminal would: a clean
 * environment (no AWS_* variables, no AWS config files, an empty HOME), at the root of a copy of
 * the repository made of symbolic links, so that the files the commands write (event.json,
 * guide.pdf) land in a temporary folder.
 */
import { spawn } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { ClassifiedLine } from './classify.js';
import { RUN_KINDS } from './kinds.js';

/** One run line's outcome. */
export interface LineRun {
  line: ClassifiedLine;
  /** Undefined when the session ended (or timed out) before the line finished. */
  exitCode: number | undefined;
  output: string;
}

function mirror(root: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'readme-commands-'));
  for (const entry of readdirSync(root)) {
    if (entry !== '.git') symlinkSync(join(root, entry), join(dir, entry));
  }
  mkdirSync(join(dir, '.home'));
  mkdirSync(join(dir, '.out'));
  return dir;
}

/** The environment of a fresh terminal: the system PATH (no node_modules/.bin), nothing of AWS. */
function cleanEnvironment(home: string): NodeJS.ProcessEnv {
  const path = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((entry) => !entry.includes('node_modules'))
    .join(delimiter);
  return {
    PATH: path,
    HOME: home,
    LANG: process.env.LANG ?? 'C.UTF-8',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    NPM_CONFIG_UPDATE_NOTIFIER: 'false',
    // Under turbo, the builds that `build-first` would start have run already (see build-first).
    ...(process.env.TURBO_HASH ? { TURBO_HASH: process.env.TURBO_HASH } : {}),
  };
}

function sessionScript(lines: readonly ClassifiedLine[], dir: string): string {
  const script = ['set -o pipefail', `cd '${dir}'`];
  let block = -1;
  lines.forEach((line, index) => {
    if (line.block !== block) script.push(`cd '${dir}'`);
    block = line.block;
    if (line.kind === 'setup') {
      script.push(line.text);
      return;
    }
    const out = join(dir, '.out', String(index));
    script.push(`( ${line.text}\n) > '${out}' 2>&1 < /dev/null; echo $? > '${out}.code'`);
  });
  return `${script.join('\n')}\n`;
}

/**
 * Runs one README's runnable lines.
 *
 * @param root - The repository root.
 * @param lines - That README's classified lines (all of them; only runnable kinds are run).
 * @param timeoutMs - The whole session's limit.
 * @returns One entry per line that is not `setup`.
 * @example
 * ```ts
 * const runs = await runReadmeSession(root, classified.filter((l) => l.readme === 'README.md'));
 * ```
 */
export async function runReadmeSession(
  root: string,
  lines: readonly ClassifiedLine[],
  timeoutMs = 90_000,
): Promise<LineRun[]> {
  const runnable = lines.filter((line) => line.kind !== undefined && RUN_KINDS.includes(line.kind));
  const dir = mirror(root);
  try {
    writeFileSync(join(dir, '.session.sh'), sessionScript(runnable, dir));
    const child = spawn('bash', [join(dir, '.session.sh')], {
      cwd: dir,
      env: cleanEnvironment(join(dir, '.home')),
      stdio: 'ignore',
      detached: true,
    });
    const timer = setTimeout(() => process.kill(-(child.pid ?? 0), 'SIGKILL'), timeoutMs);
    await new Promise((resolve) => child.once('exit', resolve));
    clearTimeout(timer);
    return runnable.flatMap((line, index) => {
      if (line.kind === 'setup') return [];
      const out = join(dir, '.out', String(index));
      const read = (file: string) => {
        try {
          return readFileSync(file, 'utf8');
        } catch {
          return undefined;
        }
      };
      const code = read(`${out}.code`);
      return [
        { line, exitCode: code === undefined ? undefined : Number(code), output: read(out) ?? '' },
      ];
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
