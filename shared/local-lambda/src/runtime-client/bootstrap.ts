/**
 * Entry point of the local Node.js runtime, started by the emulator as
 * `node <package>/dist/runtime-client/bootstrap.js` in the function's code folder with the standard
 * Lambda environment. It speaks only the Runtime API at `AWS_LAMBDA_RUNTIME_API`, like the
 * managed runtime's client does inside Lambda (spec §1, §2). `AWS_EXECUTION_ENV` chooses which
 * client it reproduces: aws-lambda-ric 4.x for `nodejs24.x` and later (`v4/`), 3.3.0 otherwise.
 *
 * Exit codes, 3.3.0: 129 after an uncaught exception (init included), 128 after an unhandled
 * rejection, 1 when the runtime itself cannot start or fails. 4.x: 1 for all of these (Node's own
 * handling of an uncaught error).
 */
import { runtimeSemantics } from '@lambda-streaming/streaming/wire';
import { processNodeRuntime } from './node-runtime.js';

if (runtimeSemantics(processNodeRuntime()).ricVersion === '4.x') {
  const { ignition } = await import('./v4/runtime.js');
  // Not awaited, as 4.x does: a failure is an unhandled rejection, printed by Node, exit 1.
  void ignition();
} else {
  const { run } = await import('./run.js');
  const runtimeApi = process.env.AWS_LAMBDA_RUNTIME_API;
  if (!runtimeApi) {
    process.stderr.write('local-lambda runtime: AWS_LAMBDA_RUNTIME_API is not set\n');
    process.exit(1);
  }
  // `_HANDLER` as on Lambda; the first argument as with RIC's own `aws-lambda-ric <handler>` bin.
  const handler = process.env._HANDLER ?? process.argv[2] ?? '';
  run(runtimeApi, process.env.LAMBDA_TASK_ROOT ?? process.cwd(), handler).catch(
    (error: unknown) => {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`local-lambda runtime: internal error: ${detail}\n`);
      process.exit(1);
    },
  );
}
