/**
 * Starts the runtime in this process (RIC `src/index.mjs` `run`): patches the console, installs
 * the process-wide error listeners, loads the handler (init), then starts the invoke loop.
 */
import { beforeExitListener } from './before-exit.js';
import { UnhandledPromiseRejection } from './errors.js';
import { loadHandler } from './handlers/handler-loader.js';
import { getHandlerMetadata, warnOnCallbackHandler } from './handlers/handler-metadata.js';
import { logError, patchConsole } from './log-patch.js';
import { RuntimeApiClient } from './rapid-client/runtime-api-client.js';
import { EXIT_UNCAUGHT_EXCEPTION, EXIT_UNHANDLED_REJECTION, Runtime } from './runtime.js';
import type { ErrorCallbacks } from './types.js';

/**
 * Runs the function in `appRoot` named by `handlerString` against the Runtime API at
 * `runtimeApi`. An init failure is logged as `Uncaught Exception`, posted to `/init/error`
 * and ends the process with 129, as on Lambda; the returned promise then never settles.
 *
 * @param runtimeApi - `AWS_LAMBDA_RUNTIME_API` (`host:port`).
 * @param appRoot - `LAMBDA_TASK_ROOT`.
 * @param handlerString - `_HANDLER`.
 * @example
 * ```ts
 * await run(process.env.AWS_LAMBDA_RUNTIME_API, '/var/task', 'index.handler');
 * ```
 */
export async function run(runtimeApi: string, appRoot: string, handlerString: string) {
  patchConsole();
  const client = new RuntimeApiClient(runtimeApi);
  const { errorCallbacks, onUncaughtException } = installProcessListeners(client);
  try {
    const handler = await loadHandler(appRoot, handlerString);
    const metadata = getHandlerMetadata(handler);
    warnOnCallbackHandler(metadata);
    new Runtime(client, handler, metadata, errorCallbacks).scheduleIteration();
  } catch (error) {
    // On Lambda a failed init surfaces as an uncaught exception of the runtime's entry module.
    onUncaughtException(error);
  }
}

/**
 * The process-wide listeners of RIC `index.mjs`: errors are logged, then reported to
 * `/init/error` until the first invocation retargets `errorCallbacks` to its `/error`.
 */
function installProcessListeners(client: RuntimeApiClient) {
  const errorCallbacks: ErrorCallbacks = {
    uncaughtException: (error) => {
      client.postInitError(error, () => process.exit(EXIT_UNCAUGHT_EXCEPTION));
    },
    unhandledRejection: (error) => {
      client.postInitError(error, () => process.exit(EXIT_UNHANDLED_REJECTION));
    },
  };
  // RIC posts the error with its native client, which blocks until the Runtime API answers, and
  // then exits: no second error is ever seen. Here the post is asynchronous, so any error that
  // comes while the first one is being reported is dropped.
  let reporting = false;
  const onUncaughtException = (error: unknown) => {
    if (reporting) return;
    reporting = true;
    logError('Uncaught Exception', error);
    errorCallbacks.uncaughtException(error);
  };
  process.on('uncaughtException', onUncaughtException);
  process.on('unhandledRejection', (reason, promise) => {
    if (reporting) return;
    reporting = true;
    const error = new UnhandledPromiseRejection(reason, promise);
    logError('Unhandled Promise Rejection', error);
    errorCallbacks.unhandledRejection(error);
  });
  beforeExitListener.reset();
  process.on('beforeExit', beforeExitListener.invoke);
  return { errorCallbacks, onUncaughtException };
}
