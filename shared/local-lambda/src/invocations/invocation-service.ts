/**
 * The invocations' face to the front ends: it serves the functions, runs each invocation in an
 * execution environment (warm ones reused, up to `maxConcurrency` in flight) and stops every
 * runtime process on `close()`.
 */
import { randomUUID } from 'node:crypto';
import {
  DEFAULT_LIFECYCLE,
  type LifecycleOptions,
  type LimitOptions,
  resolveLimits,
} from '../defaults.js';
import type { OutputSink } from '../environments/environment-call.js';
import { EnvironmentPool } from '../environments/environment-pool.js';
import type { Credentials } from '../environments/environment-variables.js';
import { ExecutionEnvironment } from '../environments/execution-environment.js';
import type { RuntimeClient } from '../environments/runtime-command.js';
import type { EnvironmentOptions } from '../environments/runtime-spawn.js';
import type { LocalFunction } from '../functions/local-function.js';
import { createConsoleLogger, type FunctionLogger } from '../logs/function-logs.js';
import {
  FunctionNotFoundError,
  type InvocationHandle,
  type InvocationService,
  type InvokeRequest,
  TooManyRequestsError,
} from './contracts.js';
import { startInvocation } from './invocation.js';

/** Options of {@link createInvocationService}. */
export interface InvocationServiceOptions {
  functions: readonly LocalFunction[];
  /** `AWS_REGION` of the functions. */
  region: string;
  /** Credentials the functions receive as `AWS_ACCESS_KEY_ID`, … */
  credentials: Credentials;
  /** Lambda's limits by default. */
  limits?: Partial<LimitOptions>;
  /** The runtime inside the environments; default `local`. */
  runtimeClient?: RuntimeClient;
  /** Freezing and reclaiming of idle environments; default: frozen, stopped after 5 minutes. */
  lifecycle?: Partial<LifecycleOptions>;
  /** Receives every log line; default: the console, tagged `[FunctionName]`. */
  logger?: FunctionLogger;
}

/**
 * Creates the invocation service.
 *
 * @example
 * ```ts
 * const service = createInvocationService({ functions, region: 'us-east-1', credentials });
 * const handle = service.invoke({ functionName: 'Hello', payload: Buffer.from('{}'),
 *   invokedFunctionArn: fn.arn, delivery: 'stream' });
 * handle.body.pipe(res);
 * const outcome = await handle.outcome;
 * ```
 */
export function createInvocationService(options: InvocationServiceOptions): InvocationService {
  const limits = resolveLimits(options.limits);
  const logger = options.logger ?? createConsoleLogger();
  const byName = new Map(options.functions.map((fn) => [fn.name, fn]));
  const pool = createPool(options, limits.maxConcurrency, logger);
  const released = new Set<() => void>();
  return {
    functions: options.functions,
    getFunction: (name) => byName.get(name),
    invoke(request: InvokeRequest): InvocationHandle {
      const fn = byName.get(request.functionName);
      if (!fn) throw new FunctionNotFoundError(request.functionName);
      const requestId = request.requestId ?? randomUUID();
      const acquire = (output: OutputSink) => {
        const lease = pool.acquire(fn, output);
        if (!lease) throw new TooManyRequestsError(limits.maxConcurrency);
        // Queued Event invocations wait for this moment (issue 13 item 1).
        const release = () => {
          lease.release();
          for (const listener of released) listener();
        };
        return { ...lease, release };
      };
      return startInvocation({ fn, request, requestId, limits, logger, acquire });
    },
    onRelease(listener) {
      released.add(listener);
      return () => released.delete(listener);
    },
    close: () => pool.close(),
  };
}

function createPool(
  options: InvocationServiceOptions,
  maxConcurrency: number,
  logger: FunctionLogger,
): EnvironmentPool {
  const warned = new Set<string>();
  const environmentOptions = (fn: LocalFunction): EnvironmentOptions => ({
    fn,
    region: options.region,
    credentials: options.credentials,
    runtimeClient: options.runtimeClient ?? 'local',
    warn: (message) => {
      // Every cold start would repeat it: say it once per function.
      if (warned.has(`${fn.name}\n${message}`)) return;
      warned.add(`${fn.name}\n${message}`);
      logger({ functionName: fn.name, source: 'emulator', message });
    },
  });
  return new EnvironmentPool({
    maxConcurrency,
    lifecycle: { ...DEFAULT_LIFECYCLE, ...definedOnly(options.lifecycle) },
    create: (fn) => {
      const env = new ExecutionEnvironment(environmentOptions(fn));
      env.start();
      return env;
    },
    // Output while no invocation holds the environment (after its outcome) carries no request id.
    idleOutput: (env) => (source, message) =>
      logger({ functionName: env.fn.name, source, message }),
  });
}

/** The options that were given (an `undefined` value does not replace a default). */
function definedOnly<T extends object>(options: T | undefined): Partial<T> {
  return Object.fromEntries(
    Object.entries(options ?? {}).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
