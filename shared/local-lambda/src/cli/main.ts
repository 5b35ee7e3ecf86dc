import { readFileSync } from 'node:fs';
import { startLocalLambda } from '../start/start-local-lambda.js';
import type { LocalLambda, StartLocalLambdaOptions } from '../start/start-options.js';
import { formatBanner } from './banner.js';
import { parseCommandLine, UsageError } from './cli-options.js';
import { USAGE } from './usage.js';

/** Where the CLI writes, and how it learns it should stop (for tests). */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Resolves when the emulator should stop; default: the first SIGINT, SIGTERM or SIGHUP. */
  stopSignal?: () => Promise<void>;
  /** Starts the emulator; default {@link startLocalLambda}. */
  start?: (options: StartLocalLambdaOptions) => Promise<LocalLambda>;
}

/**
 * Runs `local-lambda` with the given arguments.
 *
 * @param argv - Arguments after the program name.
 * @param io - Output streams and the stop signal.
 * @returns The exit code: 0 after `--help`, `--version` or a clean stop; 1 when the emulator
 *   cannot start; 2 for invalid options.
 * @example
 * ```ts
 * process.exitCode = await main(process.argv.slice(2));
 * ```
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let command: ReturnType<typeof parseCommandLine>;
  try {
    command = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`local-lambda: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (command.command === 'help') return print(io, USAGE);
  if (command.command === 'version') return print(io, packageVersion());
  return serve(command.options, io);
}

async function serve(options: StartLocalLambdaOptions, io: CliIo): Promise<number> {
  // Listen for Ctrl-C from the start, so one pressed while starting still stops cleanly.
  const stop = (io.stopSignal ?? firstSignal)();
  let lambda: LocalLambda;
  try {
    lambda = await (io.start ?? startLocalLambda)(options);
  } catch (error) {
    io.stderr.write(`local-lambda: cannot start: ${(error as Error).message}\n`);
    return 1;
  }
  io.stdout.write(formatBanner(lambda, packageVersion()));
  await stop;
  io.stdout.write('local-lambda: stopping…\n');
  await lambda.close();
  return 0;
}

/** The signals that stop the emulator cleanly. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function print(io: CliIo, text: string): number {
  io.stdout.write(`${text}\n`);
  return 0;
}

/**
 * The first SIGINT, SIGTERM or SIGHUP (a closed terminal, a process manager) stops cleanly;
 * another one a second later forces the exit.
 */
function firstSignal(): Promise<void> {
  return new Promise((resolve) => {
    let firstAt = 0;
    const onSignal = (signal: NodeJS.Signals) => {
      // Ctrl-C under `npm start` arrives twice at once (terminal and parent): only the first counts.
      if (firstAt === 0) {
        firstAt = Date.now();
        resolve();
      } else if (Date.now() - firstAt > 1000) {
        process.stderr.write(`local-lambda: ${signal} again, exiting now\n`);
        process.exit(130);
      }
    };
    for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  });
}

function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr };
}

/** The version in this package's package.json (two folders up from `src/cli` and `dist/cli`). */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return String(manifest.version);
}

/**
 * The `bin` entry: runs {@link main} on `process.argv` and sets the exit code.
 *
 * @example
 * ```js
 * import { runCli } from '../dist/cli/main.js';
 * runCli();
 * ```
 */
export function runCli(): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
      // Whatever might still hold the event loop after a stop must not keep the command alive.
      setTimeout(() => process.exit(code), 2000).unref();
    },
    (error: unknown) => {
      process.stderr.write(`local-lambda: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
