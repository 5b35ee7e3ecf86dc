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
import { type OutputLines, outputRead, readOutputLines } from './line-splitter.js';
import { MemoryWatch } from './memory-watch.js';
import { killProcessGroup } from './process-group.js';
import { type EnvironmentOptions, runtimeSpawnSpec } from './runtime-spawn.js';

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
  private lines: OutputLines | undefined;
  private readonly startedAt = performance.now();
  private child: ChildProcess | undefined;
  private exitInfo: ProcessExit | undefined;
  private closing = false;
  private killed = false;
  private frozen = false;
  private readonly memory: MemoryWatch;
  private notifyExit: (exit: ProcessExit) => void = () => {};

  constructor(private readonly options: EnvironmentOptions) {
    this.exited = new Promise((resolve) => {
      this.notifyExit = resolve;
    });
    // Over MemorySize, the whole environment is stopped, as Lambda's cgroup does.
    this.memory = new MemoryWatch(options.fn.definition.memorySize, () => this.kill());
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

  /** `true` while the runtime waits at `/next` for an event (and is not being stopped). */
  get waiting(): boolean {
    return this.alive && !this.killed && !this.closing && this.api.waiting;
  }

  /** `true` once its processes used more than `MemorySize` (the environment was stopped). */
  get outOfMemory(): boolean {
    return this.memory.outOfMemory;
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

  /**
   * Thaws the runtime and answers its `/next` (`undefined`: not waiting). An answer that comes
   * over the memory limit is not taken: the environment is being stopped.
   */
  invoke(event: RuntimeEvent): EnvironmentCall | undefined {
    this.thaw();
    const call = this.alive ? this.api.deliver(event) : undefined;
    if (!call) return undefined;
    const next = call.next.then(() => ({ kind: 'next' }) as const);
    const answer = call.answer.then(async (value) =>
      this.memory.check() ? value : { kind: 'exit' as const, exit: await this.exited },
    );
    return { answer: this.exitWatch.race(answer), done: this.exitWatch.race(next) };
  }

  /** Stops the process group (SIGSTOP; not on Windows) while its runtime waits at `/next`. */
  freeze(): void {
    if (this.frozen || !this.waiting || !this.pid || process.platform === 'win32') return;
    this.frozen = true;
    this.memory.pause();
    killProcessGroup(this.pid, 'SIGSTOP');
  }

  /** Continues a frozen process group (SIGCONT). */
  thaw(): void {
    if (!this.frozen || !this.pid) return;
    this.frozen = false;
    killProcessGroup(this.pid, 'SIGCONT');
    if (this.alive) this.memory.resume();
  }

  /** Takes in the lines the runtime has written that the event loop has not read yet. */
  catchUpOutput(): void {
    this.lines?.catchUp();
  }

  /** Peak memory of the process group so far, in MB (the last known value once it is gone). */
  sampleMemory(): number {
    this.memory.check();
    return this.memory.peakMb;
  }

  /** Kills the process group at once (a timeout, a broken runtime, memory); a stopped one too. */
  kill(): void {
    this.killed = true;
    if (this.pid !== undefined) killProcessGroup(this.pid, 'SIGKILL');
  }

  /** SIGTERM (delivered on a thaw if frozen), then SIGKILL after `graceMs`; resolves when gone. */
  async terminate(graceMs: number): Promise<void> {
    this.closing = true;
    if (this.alive && this.child) {
      this.child.kill('SIGTERM');
      this.thaw();
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
    if (child.pid) this.memory.start(child.pid); // read while it lives: a crash takes it along
    this.lines = readOutputLines(child, (stream, line) => this.output(stream, line));
    child.on('error', (error) => {
      // Only a failed spawn has no pid; other errors (a failed kill) leave the process running.
      if (child.pid === undefined) this.ended({ code: null, signal: null, spawnError: error });
    });
    child.once('exit', (code, signal) => {
      this.memory.stop(); // its pid may soon be another process's
      void outputRead(child)
        .then(() => this.api.connections.allClosed())
        .then(() => this.ended({ code, signal }));
    });
  }

  private ended(exit: ProcessExit): void {
    if (this.exitInfo) return;
    this.exitInfo = exit;
    void this.api.close();
    this.exitWatch.ended(exit);
    this.notifyExit(exit);
  }
}
