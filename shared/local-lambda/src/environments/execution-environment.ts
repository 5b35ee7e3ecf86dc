/**
 * One execution environment: a runtime process and the Runtime API server it talks to. It runs
 * one invocation at a time; whoever holds it sets the listener that receives the runtime's calls,
 * its output lines and its exit.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { FunctionError } from '../functions/function-error.js';
import type { LocalFunction } from '../functions/local-function.js';
import { RuntimeApiServer, type RuntimeEvent } from '../runtime-api/runtime-api-server.js';
import type { RuntimeResponse } from '../runtime-api/runtime-response.js';
import { trackChild } from './child-registry.js';
import { outputRead, splitLines } from './line-splitter.js';
import { peakMemoryMb } from './process-memory.js';
import { type EnvironmentOptions, runtimeSpawnSpec } from './runtime-spawn.js';

/** How a runtime process ended. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the process could not be started at all (e.g. ENOENT). */
  spawnError?: Error;
}

/** How often the runtime process's peak memory is read. */
export const MEMORY_SAMPLE_MS = 100;

/** Receives what happens in an environment. */
export interface EnvironmentListener {
  /** The runtime waits at `/next`. */
  ready(): void;
  initError(error: FunctionError): void;
  response(response: RuntimeResponse): void;
  error(error: FunctionError): void;
  exit(exit: ProcessExit): void;
  line(stream: 'stdout' | 'stderr', line: string): void;
}

/**
 * A runtime process with its own Runtime API.
 *
 * @example
 * ```ts
 * const env = new ExecutionEnvironment(options, listener);
 * env.start();
 * // listener.ready() → env.deliver(event)
 * ```
 */
export class ExecutionEnvironment {
  readonly id = randomBytes(4).toString('hex');
  /** Process start → first `/next`, once known. */
  initDurationMs: number | undefined;
  /** Resolves when the process has ended (or could not start). */
  readonly exited: Promise<ProcessExit>;
  private readonly api: RuntimeApiServer;
  private readonly startedAt = performance.now();
  private child: ChildProcess | undefined;
  private exitInfo: ProcessExit | undefined;
  private peakMb = 0;
  private closing = false;
  private killed = false;
  private sampler: NodeJS.Timeout | undefined;
  private notifyExit: (exit: ProcessExit) => void = () => {};

  constructor(
    private readonly options: EnvironmentOptions,
    private listener: EnvironmentListener,
  ) {
    this.exited = new Promise((resolve) => {
      this.notifyExit = resolve;
    });
    this.api = new RuntimeApiServer({
      next: () => this.onNext(),
      initError: (error) => this.listener.initError(error),
      response: (response) => this.listener.response(response),
      error: (error) => this.listener.error(error),
    });
  }

  get fn(): LocalFunction {
    return this.options.fn;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get alive(): boolean {
    return this.exitInfo === undefined;
  }

  /** `true` while the runtime waits at `/next` for an event (and is not being killed). */
  get waiting(): boolean {
    return this.alive && !this.killed && this.api.waiting;
  }

  /** Hands the environment to a new owner. */
  setListener(listener: EnvironmentListener): void {
    this.listener = listener;
  }

  /** Opens the Runtime API and starts the runtime process. */
  start(): void {
    this.api.listen().then(
      (address) => this.spawnRuntime(address),
      (error: Error) => this.ended({ code: null, signal: null, spawnError: error }),
    );
  }

  /** Answers the runtime's pending `/next`; `false` when it is not waiting. */
  deliver(event: RuntimeEvent): boolean {
    return this.alive && this.api.deliver(event);
  }

  /** Peak memory of the process so far, in MB (the last known value once it is gone). */
  sampleMemory(): number {
    this.peakMb = Math.max(this.peakMb, peakMemoryMb(this.pid) ?? 0);
    return this.peakMb;
  }

  /** Kills the process at once (a timeout, a broken runtime). */
  kill(): void {
    this.killed = true;
    this.child?.kill('SIGKILL');
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
  async terminate(graceMs: number): Promise<void> {
    this.closing = true;
    if (this.alive && this.child) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.kill(), graceMs);
      await this.exited;
      clearTimeout(timer);
    }
    await this.api.close();
  }

  private onNext(): void {
    this.initDurationMs ??= performance.now() - this.startedAt;
    this.listener.ready();
  }

  private spawnRuntime(address: string): void {
    if (this.closing) {
      this.ended({ code: null, signal: 'SIGKILL' });
      return;
    }
    try {
      const { file, args, options } = runtimeSpawnSpec(this.options, address);
      this.child = spawn(file, args, options);
    } catch (error) {
      this.ended({ code: null, signal: null, spawnError: error as Error });
      return;
    }
    this.watch(this.child);
  }

  private watch(child: ChildProcess): void {
    trackChild(child);
    // Peak memory is read while the process lives: a crash takes the figure along with it.
    this.sampler = setInterval(() => this.sampleMemory(), MEMORY_SAMPLE_MS);
    this.sampler.unref();
    if (child.stdout) splitLines(child.stdout, (line) => this.listener.line('stdout', line));
    if (child.stderr) splitLines(child.stderr, (line) => this.listener.line('stderr', line));
    child.on('error', (error) => {
      // Only a failed spawn has no pid; other errors (a failed kill) leave the process running.
      if (child.pid === undefined) this.ended({ code: null, signal: null, spawnError: error });
    });
    child.once('exit', (code, signal) => {
      void outputRead(child)
        .then(() => this.api.connections.allClosed())
        .then(() => this.ended({ code, signal }));
    });
  }

  private ended(exit: ProcessExit): void {
    if (this.exitInfo) return;
    this.exitInfo = exit;
    clearInterval(this.sampler);
    void this.api.close();
    this.notifyExit(exit);
    this.listener.exit(exit);
  }
}
