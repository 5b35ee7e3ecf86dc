/**
 * Per-test wiring for the runtime tests: compile the runtime once, a fresh fake Runtime API per
 * test, every child process killed after it.
 */
import { afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { FakeRuntimeApi } from './fake-runtime-api.js';
import { ensureRuntimeBuilt } from './runtime-build.js';
import {
  type RuntimeOptions,
  type RuntimeProcess,
  startRuntime,
  stopAllRuntimes,
} from './runtime-process.js';

/** A test's fake API and a way to start the runtime against it. */
export interface Harness {
  api(): FakeRuntimeApi;
  start(handler: string, options?: Omit<RuntimeOptions, 'api' | 'handler'>): RuntimeProcess;
}

/** Registers the hooks; call once at the top of a test file. */
export function useRuntimeHarness(): Harness {
  // Generous ceilings for a busy CI machine; the tests take a fraction of a second each.
  vi.setConfig({ testTimeout: 20_000 });
  let api: FakeRuntimeApi | undefined;
  beforeAll(async () => {
    await ensureRuntimeBuilt();
  }, 60_000);
  beforeEach(async () => {
    api = await FakeRuntimeApi.start();
  });
  afterEach(async () => {
    stopAllRuntimes();
    await api?.close();
  });
  const current = () => {
    if (!api) throw new Error('The fake Runtime API is not started');
    return api;
  };
  return {
    api: current,
    start: (handler, options = {}) => startRuntime({ api: current(), handler, ...options }),
  };
}

/** Log lines of a runtime's stdout, split into their tab-separated fields. */
export function logLines(stdout: string): string[][] {
  return stdout
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => line.split('\t'));
}
