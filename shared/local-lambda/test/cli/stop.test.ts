import { afterEach, describe, expect, it } from 'vitest';
import {
  type CliProcess,
  isRunning,
  runtimePids,
  startCli,
} from '../fixtures/frontend/cli-process.js';
import { FIXTURE_TEMPLATE } from '../fixtures/frontend/emulator.js';
import { curl } from '../fixtures/frontend/url-servers.js';

describe('local-lambda start as a process', () => {
  let cli: CliProcess | undefined;
  afterEach(() => {
    if (cli?.child.exitCode === null) cli.child.kill('SIGKILL');
  });

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)(
    'stops everything on %s, runtime processes included, and exits with 0',
    async (signal) => {
      // Arrange
      cli = startCli(['start', '-t', FIXTURE_TEMPLATE, '--port', '0']);
      const banner = await cli.started();
      const url = /HttpFn\s+RESPONSE_STREAM\s+NONE\s+(http:\S+)/.exec(banner)?.[1] ?? '';
      const response = await curl([url]);
      const runtimes = runtimePids(cli.child.pid ?? 0, 'http.handler');

      // Act
      cli.child.kill(signal);
      const code = await cli.exited;

      // Assert
      expect(response.status).toBe(201);
      expect(runtimes.length).toBeGreaterThan(0);
      expect(code).toBe(0);
      expect(runtimes.filter(isRunning)).toEqual([]);
    },
    30_000,
  );
});
