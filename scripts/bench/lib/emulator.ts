/**
 * local-lambda in its own process, started with its CLI as a user would, so its memory is
 * measured apart from the client's and the client's work never delays it.
 */
import { GetFunctionUrlConfigCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { DEFAULT_CREDENTIALS, DEFAULT_REGION } from '@lambda-streaming/local-lambda';
import { LOCAL_LAMBDA_CLI } from './paths.js';
import { type BenchProcess, startNodeProcess } from './processes.js';

/** A running emulator. */
export interface Emulator {
  readonly process: BenchProcess;
  readonly pid: number;
  /** The Lambda API. */
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: { accessKeyId: string; secretAccessKey: string };
  /** An SDK client for the API. */
  readonly client: LambdaClient;
  /** The function URL of a function. */
  url(functionName: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Node.js options for every emulator the benchmark starts: `--cpu-prof --cpu-prof-dir=DIR` when
 * the benchmark runs with `--cpu-prof DIR` (the profiles explain a missed target).
 */
export const emulatorNodeArgs: string[] = [];

/**
 * Starts `local-lambda start` over templates on free ports and waits until it serves.
 *
 * @param templates - Template paths.
 * @param flags - More CLI options, e.g. `['--no-bandwidth-limit', '--max-concurrency', '50']`.
 * @returns The emulator.
 * @example
 * ```ts
 * const emulator = await startEmulator([template], ['--no-bandwidth-limit']);
 * const url = await emulator.url('BenchBytesFunction');
 * ```
 */
export async function startEmulator(
  templates: readonly string[],
  flags: readonly string[] = [],
): Promise<Emulator> {
  const args = ['start', ...templates.flatMap((t) => ['--template', t]), '--port', '0', ...flags];
  const child = startNodeProcess(LOCAL_LAMBDA_CLI, args, emulatorNodeArgs);
  let line: string;
  try {
    line = await child.waitForLine(/^Lambda API\s+http:/);
  } catch (error) {
    await child.stop();
    throw error;
  }
  const endpoint = /(http:\/\/\S+)/.exec(line)?.[1] ?? '';
  const credentials = { ...DEFAULT_CREDENTIALS };
  const client = new LambdaClient({ endpoint, region: DEFAULT_REGION, credentials });
  const urls = new Map<string, string>();
  return {
    process: child,
    pid: child.pid,
    endpoint,
    region: DEFAULT_REGION,
    credentials,
    client,
    async url(name) {
      if (!urls.has(name)) {
        const config = await client.send(new GetFunctionUrlConfigCommand({ FunctionName: name }));
        urls.set(name, config.FunctionUrl ?? '');
      }
      return urls.get(name) as string;
    },
    async stop() {
      client.destroy();
      await child.stop();
    },
  };
}

/**
 * Waits for the runtimes of the last invocations to be back at `/next`. A runtime asks for its
 * next event just after its response ended; until it does, its environment is busy and a new
 * request starts another one: a cold start in the middle of warm figures.
 *
 * @param ms - How long; one second is plenty even on a loaded machine.
 * @example
 * ```ts
 * await settleEnvironments();
 * ```
 */
export function settleEnvironments(ms = 1000): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
