/**
 * The emulator each README's commands talk to, on the ports the README names (3000-3006 and
 * 3100): this test is the one exception to the port-0 rule, because the commands under test
 * name them. Most READMEs talk to `npm start` (every pattern); the local-lambda README's example
 * names StreamFn, EchoFn and HangFn, served from a fixture template that matches its printed
 * table.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The ports the READMEs name: the Lambda API, six function URLs and one REST API. */
export const README_PORTS = [3000, 3001, 3002, 3003, 3004, 3005, 3006, 3100];

/** How to start each emulator, relative to the repository root. */
export const EMULATORS = {
  /** `npm start`: every pattern (its build is skipped under turbo, which ran it). */
  patterns: ['scripts/start.mjs'],
  /** The example of shared/local-lambda/README.md. */
  example: [
    'shared/local-lambda/bin/local-lambda.js',
    'start',
    '--template',
    'scripts/test/fixtures/readme-example/template.yaml',
  ],
} as const;

/** Which emulator a README's commands need (default: `patterns`). */
export const README_EMULATOR: Record<string, keyof typeof EMULATORS> = {
  'shared/local-lambda/README.md': 'example',
};

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () =>
      server.close(() => resolve(true)),
    );
  });
}

/**
 * The README ports that are in use now.
 *
 * @returns The busy ones (empty when all are free).
 * @example
 * ```ts
 * if ((await busyReadmePorts()).length > 0) throw new Error('ports 3000-3006 are busy');
 * ```
 */
export async function busyReadmePorts(): Promise<number[]> {
  const free = await Promise.all(README_PORTS.map(isFree));
  return README_PORTS.filter((_, index) => !free[index]);
}

/** A started emulator. */
export interface RunningEmulator {
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts an emulator and waits for its banner.
 *
 * @param root - The repository root.
 * @param which - Which one.
 * @returns The running emulator; rejects with its output when it exits first.
 * @example
 * ```ts
 * const emulator = await startEmulator(root, 'patterns');
 * await emulator.stop();
 * ```
 */
export function startEmulator(
  root: string,
  which: keyof typeof EMULATORS,
): Promise<RunningEmulator> {
  const [script = '', ...args] = EMULATORS[which];
  const child: ChildProcess = spawn(process.execPath, [join(root, script), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const onData = (data: Buffer) => {
      text += data.toString();
      if (!text.includes('Press Ctrl-C to stop.')) return;
      resolve({
        output: () => text,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(() => reject(new Error(`the ${which} emulator exited:\n${text}`)));
  });
}
