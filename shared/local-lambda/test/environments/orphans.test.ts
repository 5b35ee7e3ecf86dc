import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../fixtures/core/test-service.js';
import { pidExists } from '../fixtures/processes.js';

const host = `${FIXTURES}crash-host.ts`;
const tsx = fileURLToPath(import.meta.resolve('tsx'));

/** Runs the crashing host; resolves with the runtime pid it printed once the host is gone. */
function runHost(mode: string, idle = ''): Promise<{ runtimePid: number; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsx, host, mode, idle], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ runtimePid: Number.parseInt(output, 10), code }));
  });
}

describe.concurrent('runtime processes when the emulator goes down', () => {
  it.each(['uncaught', 'rejection', 'exit'])(
    'are killed when the host ends by %s',
    async (mode) => {
      // Act
      const { runtimePid, code } = await runHost(mode);
      let attempts = 0;
      while (pidExists(runtimePid) && attempts++ < 100) await new Promise((r) => setTimeout(r, 20));

      // Assert
      expect(code).not.toBe(0);
      expect(runtimePid).toBeGreaterThan(0);
      expect(pidExists(runtimePid)).toBe(false);
    },
  );

  it.each(['uncaught', 'rejection', 'exit'])(
    'are killed when frozen (SIGSTOP) and the host ends by %s',
    async (mode) => {
      // Act
      const { runtimePid, code } = await runHost(mode, 'frozen');
      let attempts = 0;
      while (pidExists(runtimePid) && attempts++ < 100) await new Promise((r) => setTimeout(r, 20));

      // Assert
      expect(code).not.toBe(0);
      expect(runtimePid).toBeGreaterThan(0);
      expect(pidExists(runtimePid)).toBe(false);
    },
  );
});
