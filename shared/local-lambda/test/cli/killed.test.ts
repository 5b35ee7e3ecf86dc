import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { comparisonRequired, officialClientStatus } from '../conformance/official-client.js';
import {
  type CliProcess,
  childPids,
  isRunning,
  runtimePids,
  startCli,
} from '../fixtures/frontend/cli-process.js';
import { processState } from '../fixtures/processes.js';

const TEMPLATE = fileURLToPath(new URL('../fixtures/orphans/template.yaml', import.meta.url));
const official = officialClientStatus('nodejs22.x');
const skipOfficial = !official.available && !comparisonRequired();
if (!official.available && skipOfficial) {
  console.warn(`SKIPPED the official runtime client case of killed.test.ts: ${official.reason}`);
}

/**
 * Starts the CLI, lets the function start a process and block its own event loop, SIGKILLs the
 * CLI, and returns the pids of the runtime and of what it started.
 */
async function killMidInvocation(client: string, started: CliProcess[], seen: number[]) {
  const cli = startCli(['start', '-t', TEMPLATE, '--port', '0', '--runtime-client', client]);
  started.push(cli);
  const banner = await cli.started();
  const url = /BlockedFn\s+RESPONSE_STREAM\s+NONE\s+(http:\S+)/.exec(banner)?.[1] ?? '';
  const request = fetch(url).catch(() => undefined); // never answered: the emulator dies first
  let processes: number[] = [];
  await expect
    .poll(
      () => {
        const runtimes = runtimePids(cli.child.pid ?? 0, 'blocked.handler');
        const spawned = runtimes.flatMap(childPids);
        processes = [...runtimes, ...spawned];
        seen.push(...processes);
        return runtimes.length > 0 && spawned.length > 0;
      },
      { timeout: 20_000, interval: 100 },
    )
    .toBe(true);
  cli.child.kill('SIGKILL');
  await cli.exited;
  await request;
  return processes;
}

const started: CliProcess[] = [];
const seen: number[] = [];
afterEach(() => {
  // A failed run must not leave a blocked or stopped runtime (or what it spawned) behind.
  for (const pid of seen) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
  for (const cli of started) if (cli.child.exitCode === null) cli.child.kill('SIGKILL');
});

describe('local-lambda start killed with SIGKILL while its environment is frozen', () => {
  it('takes the stopped runtime and the stopped process it started with it', async () => {
    // Arrange
    const cli = startCli(['start', '-t', TEMPLATE, '--port', '0']);
    started.push(cli);
    const banner = await cli.started();
    const url = /SpawnerFn\s+BUFFERED\s+NONE\s+(http:\S+)/.exec(banner)?.[1] ?? '';
    const { pid } = (await (await fetch(url)).json()) as { pid: number };
    const processes = [pid, ...childPids(pid)];
    seen.push(...processes);
    await expect
      .poll(() => processes.map(processState), { timeout: 10_000, interval: 50 })
      .toEqual(['T', 'T']);

    // Act
    cli.child.kill('SIGKILL');
    await cli.exited;

    // Assert
    await expect
      .poll(() => processes.filter(isRunning), { timeout: 10_000, interval: 100 })
      .toEqual([]);
  }, 60_000);
});

describe('local-lambda start killed with SIGKILL mid-invocation', () => {
  it('takes its runtime processes and what they started with it (local runtime client)', async () => {
    // Arrange, Act
    const processes = await killMidInvocation('local', started, seen);

    // Assert
    await expect
      .poll(() => processes.filter(isRunning), { timeout: 10_000, interval: 100 })
      .toEqual([]);
  }, 60_000);

  it.skipIf(skipOfficial)(
    'takes its runtime processes and what they started with it (official runtime client)',
    async () => {
      // Arrange, Act
      const processes = await killMidInvocation('official', started, seen);

      // Assert
      await expect
        .poll(() => processes.filter(isRunning), { timeout: 10_000, interval: 100 })
        .toEqual([]);
    },
    60_000,
  );
});
