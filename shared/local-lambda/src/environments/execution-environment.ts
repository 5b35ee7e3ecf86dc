/**
 * One execution environment: a runtime process and the Runtime API server it talks to. It runs
 * one invocation at a time: the invocation that holds it asks for the runtime at `/next`, hands it
 * an event and follows the returned promises; the process's output lines go to the holder's sink.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { LocalFunction } from '../functions/local-function.js';
import { RuntimeApiServer, type RuntimeEvent } from '../runtime-api/runtime-api-server.js';
import { trackChild } from './child-registry.js';
import {
  type EnvironmentCall,
  type EnvironmentReady,
  ExitWatch,
  type OutputSink,
  type ProcessExit,
} from './environment-call.js';
import { outputRead, splitLines } from './line-splitter.js';
import { peakMemoryMb } from './process-memory.js';
import { type EnvironmentOptions, runtimeSpawnSpec } from './runtime-spawn.js';

/** How often the runtime process's peak memory is read. */
export const MEMORY_SAMPLE_MS = 100;

/**
 * A runtime process with its own Runtime API.
 *
 * @example
 * ```ts
 * const env = new ExecutionEnvironment(options);
 * env.start();
 * if ((await env.ready()).kind === 'ready') {
 *   const call = env.invoke(event);
 *   const answer = await call?.answer; // response, error, or exit
 * }
 * ```
 */
export class ExecutionEnvironment {
  /** Resolves when the process has ended (or could not start). */
  readonly exited: Promise<ProcessExit>;
  private readonly api = new RuntimeApiServer();
  private readonly exitWatch = new ExitWatch();
  private output: OutputSink = () => {};
  private readonly startedAt = performance.now();
  private child: ChildProcess | undefined;
  private exitInfo: ProcessExit | undefined;
  private peakMb = 0;
  private closing = false;
  private killed = false;
  private sampler: NodeJS.Timeout | undefined;
  private notifyExit: (exit: ProcessExit) => void = () => {};

  constructor(private readonly options: EnvironmentOptions) {
    this.exited = new Promise((resolve) => {
      this.notifyExit = resolve;
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

  /** Process start → first `/next`, once known. */
  get initDurationMs(): number | undefined {
    const readyAt = this.api.firstNextAt;
    return readyAt === undefined ? undefined : readyAt - this.startedAt;
  }

  /** Sends the process's output lines to `sink` from now on (whoever holds the environment). */
  logTo(sink: OutputSink): void {
    this.output = sink;
  }

  /** Opens the Runtime API and starts the runtime process. */
  start(): void {
    this.api.listen().then(
      (address) => this.spawnRuntime(address),
      (error: Error) => this.ended({ code: null, signal: null, spawnError: error }),
    );
  }

  /** Resolves when the runtime waits at `/next` (now, or next time), failed its Init, or ended. */
  ready(): Promise<EnvironmentReady> {
    return this.exitWatch.race(this.api.whenReady());
  }

  /** Answers the runtime's pending `/next`; `undefined` when it is not waiting. */
  invoke(event: RuntimeEvent): EnvironmentCall | undefined {
    const call = this.alive ? this.api.deliver(event) : undefined;
    if (!call) return undefined;
    const next = call.next.then(() => ({ kind: 'next' }) as const);
    return { answer: this.exitWatch.race(call.answer), done: this.exitWatch.race(next) };
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
    trackChild(child, this.options.warn);
    // Peak memory is read while the process lives: a crash takes the figure along with it.
    this.sampler = setInterval(() => this.sampleMemory(), MEMORY_SAMPLE_MS);
    this.sampler.unref();
    if (child.stdout) splitLines(child.stdout, (line) => this.output('stdout', line));
    if (child.stderr) splitLines(child.stderr, (line) => this.output('stderr', line));
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
    this.exitWatch.ended(exit);
    this.notifyExit(exit);
  }
}
