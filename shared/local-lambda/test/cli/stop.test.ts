import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_TEMPLATE } from '../fixtures/frontend/emulator.js';
import { curl } from '../fixtures/frontend/url-servers.js';

const ENTRY = fileURLToPath(new URL('../fixtures/frontend/cli-entry.ts', import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));

/** Child processes of `pid` that run the local runtime (tsx's own esbuild child excluded). */
function runtimePids(pid: number): number[] {
  return childPids(pid).filter((child) => {
    try {
      return readFileSync(`/proc/${child}/cmdline`, 'utf8').includes('bootstrap');
    } catch {
      return false;
    }
  });
}

function childPids(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((value) => value > 0);
  } catch {
    return []; // ps exits 1 when there are none
  }
}

/** Alive and not a zombie waiting to be reaped. */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

describe('local-lambda start as a process', () => {
  let cli: ChildProcess | undefined;
  afterEach(() => {
    if (cli?.exitCode === null) cli.kill('SIGKILL');
  });

  it('stops everything on SIGINT, runtime processes included, and exits with 0', async () => {
    // Arrange
    cli = spawn(
      process.execPath,
      ['--import', 'tsx', ENTRY, 'start', '-t', FIXTURE_TEMPLATE, '--port', '0'],
      {
        cwd: PACKAGE_DIR,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    cli.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    cli.stderr?.resume();
    const exited = new Promise<number | null>((resolve) =>
      cli?.on('exit', (code) => resolve(code)),
    );
    await expect
      .poll(() => stdout, { timeout: 15_000, interval: 50 })
      .toContain('Press Ctrl-C to stop.');
    const url = /HttpFn\s+RESPONSE_STREAM\s+NONE\s+(http:\S+)/.exec(stdout)?.[1] ?? '';
    const response = await curl([url]);
    const runtimes = runtimePids(cli.pid ?? 0);

    // Act
    cli.kill('SIGINT');
    const code = await exited;

    // Assert
    expect(response.status).toBe(201);
    expect(runtimes.length).toBeGreaterThan(0);
    expect(code).toBe(0);
    expect(runtimes.filter(isRunning)).toEqual([]);
  }, 30_000);
});
