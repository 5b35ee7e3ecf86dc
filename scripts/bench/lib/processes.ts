/**
 * Child processes of the benchmark: started with the Node.js that runs the benchmark, their
 * output read line by line (a pipe left unread would block them), stopped with SIGTERM.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A child process and its output. */
export interface BenchProcess {
  readonly pid: number;
  readonly child: ChildProcess;
  /** Every stdout line so far is passed to listeners added here, and every later one. */
  onLine(listener: (line: string) => void): () => void;
  /** Resolves with the first stdout line that matches, rejects if the process exits first. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** What the process wrote to stderr. */
  stderr(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts a Node.js script as a child process.
 *
 * @param script - Path of the script.
 * @param args - Its arguments.
 * @param nodeArgs - Options for Node.js itself, e.g. `['--cpu-prof']`.
 * @returns The process; its pid is known at once.
 * @example
 * ```ts
 * const server = startNodeProcess('fixtures/plain-server.mjs', []);
 * const line = await server.waitForLine(/^\{/);
 * ```
 */
export function startNodeProcess(
  script: string,
  args: readonly string[],
  nodeArgs: readonly string[] = [],
): BenchProcess {
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const listeners = new Set<(line: string) => void>();
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString('utf8')).slice(-20_000);
  });
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    lines.push(line);
    for (const listener of listeners) listener(line);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const onLine = (listener: (line: string) => void) => {
    for (const line of lines) listener(line);
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return {
    pid: child.pid ?? 0,
    child,
    onLine,
    waitForLine: (pattern, timeoutMs = 15_000) =>
      waitForLine(onLine, exited, pattern, timeoutMs, () => errors),
    stderr: () => errors,
    stop: (graceMs = 5_000) => stop(child, exited, graceMs),
  };
}

function waitForLine(
  onLine: BenchProcess['onLine'],
  exited: Promise<void>,
  pattern: RegExp,
  timeoutMs: number,
  stderr: () => string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail('timed out'), timeoutMs);
    const fail = (why: string) => {
      off();
      clearTimeout(timer);
      reject(new Error(`child process ${why} before printing ${pattern}:\n${stderr()}`));
    };
    const off = onLine((line) => {
      if (!pattern.test(line)) return;
      clearTimeout(timer);
      queueMicrotask(off);
      resolve(line);
    });
    void exited.then(() => fail('exited'));
  });
}

async function stop(child: ChildProcess, exited: Promise<void>, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
