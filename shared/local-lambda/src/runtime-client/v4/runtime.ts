/**
 * The aws-lambda-ric 4.x runtime for `nodejs24.x` (`src/utils/runtime-setup.ts`,
 * `src/runtime/runtime.ts`, `src/worker/ignition.ts`), single concurrency: set up the globals
 * and the console, load the handler and refuse a callback-style one, then a plain
 * `next → process → next` loop. No process-wide `uncaughtException`, `unhandledRejection` or
 * `beforeExit` listener: an error nobody catches ends the process with Node's default (the error
 * on stderr, exit code 1), and the emulator reports `Runtime.ExitError`.
 */
import { checkHandlerAtInit, type HandlerMetadata } from '@lambda-streaming/streaming/wire';
import { RuntimeApiClient } from '../rapid-client/runtime-api-client.js';
import type { Handler } from '../types.js';
import { PlatformError } from './errors.js';
import { invokeStore, setupGlobals } from './globals.js';
import { loadHandler } from './handler-loader.js';
import {
  BufferedInvokeProcessor,
  type InvokeProcessor,
  StreamingInvokeProcessor,
} from './invoke-processors.js';
import { LifecycleManager } from './lifecycle.js';
import { logError, patchConsole } from './log-patch.js';

type ProcessorHandler = ConstructorParameters<typeof BufferedInvokeProcessor>[0] &
  ConstructorParameters<typeof StreamingInvokeProcessor>[0];

/** The invoke loop of one loaded handler (4.x `Runtime`). */
export class Runtime {
  readonly #lifecycle: LifecycleManager;
  readonly #processor: InvokeProcessor;

  constructor(client: RuntimeApiClient, handler: Handler, metadata: HandlerMetadata) {
    this.#lifecycle = new LifecycleManager(client);
    const userHandler = handler as unknown as ProcessorHandler;
    this.#processor = metadata.streaming
      ? new StreamingInvokeProcessor(userHandler, this.#lifecycle, metadata.highWaterMark)
      : new BufferedInvokeProcessor(userHandler, this.#lifecycle);
  }

  /** Runs invocations one after the other, for ever; rejects only when the process must end. */
  async start(): Promise<never> {
    for (;;) {
      const { context, event } = await this.#lifecycle.next();
      const store = await invokeStore();
      const ids = {
        [Symbol.for('_AWS_LAMBDA_REQUEST_ID')]: context.awsRequestId,
        [Symbol.for('_AWS_LAMBDA_X_RAY_TRACE_ID')]: context.xRayTraceId,
      };
      await store.run(ids, () => this.#processor.processInvoke(context, event));
    }
  }
}

/**
 * 4.x `createRuntime`: an init failure is logged as `Init Error`, posted to `/init/error`, and
 * thrown again; a missing variable throws a `Runtime.PlatformError` before anything is posted.
 *
 * @returns The runtime, ready to start.
 * @example
 * ```ts
 * const runtime = await createRuntime();
 * await runtime.start();
 * ```
 */
export async function createRuntime(): Promise<Runtime> {
  setupGlobals();
  patchConsole(await invokeStore());
  const runtimeApi = process.env.AWS_LAMBDA_RUNTIME_API;
  const handlerString = process.env._HANDLER;
  const taskRoot = process.env.LAMBDA_TASK_ROOT;
  if (!runtimeApi)
    throw new PlatformError('AWS_LAMBDA_RUNTIME_API environment variable is not set');
  if (!handlerString) throw new PlatformError('_HANDLER environment variable is not set');
  if (!taskRoot) throw new PlatformError('LAMBDA_TASK_ROOT environment variable is not set');
  const client = new RuntimeApiClient(runtimeApi, 'nodejs24.x');
  try {
    const handler = await loadHandler(taskRoot, handlerString);
    // The streaming tag check, then `Runtime.CallbackHandlerDeprecated` for a handler with 3 or
    // more parameters that is not streaming (4.x `errorOnDeprecatedCallback`).
    const metadata = checkHandlerAtInit(handler, 'nodejs24.x');
    return new Runtime(client, handler, metadata);
  } catch (error) {
    logError('Init Error', error);
    await new Promise<void>((resolve) => {
      client.postInitError(error, resolve);
    });
    throw error;
  }
}

/**
 * Starts the runtime (4.x `ignition`). Its caller does not await it: whatever rejects becomes an
 * unhandled rejection, which Node prints on stderr before exiting with 1.
 *
 * @example
 * ```ts
 * void ignition();
 * ```
 */
export async function ignition(): Promise<void> {
  const runtime = await createRuntime();
  await runtime.start();
}
