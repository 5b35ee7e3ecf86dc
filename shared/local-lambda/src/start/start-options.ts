import * as defaults from '../defaults.js';
import type { RuntimeClient } from '../environments/runtime-command.js';
import type { UrlErrorMode } from '../front-ends/function-urls/url-exchange.js';
import type { ErrorDetailsFormat } from '../front-ends/lambda-api/api-context.js';
import { emulatorLogger } from '../logs/emulator-logger.js';
import type { FunctionLogger } from '../logs/function-logs.js';

/** Options of {@link startLocalLambda}; every one but `templates` has Lambda's or a local default. */
export interface StartLocalLambdaOptions {
  /** SAM template path(s); functions are named by logical ID, unique across templates. */
  templates: string | readonly string[];
  /** Address to bind; default `127.0.0.1`. */
  host?: string;
  /** Lambda API port; default 3000; `0` for an ephemeral port (URLs then too, unless `urlPortBase` is set). */
  port?: number;
  /** Port of the first function URL, the next ones following in template order; `0` for ephemeral ports. */
  urlPortBase?: number;
  /** Port of the first REST API, the next ones following in template order; `0` for ephemeral ports. */
  restApiPortBase?: number;
  /** Default `us-east-1`. */
  region?: string;
  /** What signatures are checked against; default the documented local pair. */
  credentials?: defaults.LocalCredentials;
  /** Invocations at once before 429; default 10. */
  maxConcurrency?: number;
  /** Lambda's 6 MiB burst then 2 MiB/s; default on. */
  bandwidthLimit?: defaults.LimitOptions['bandwidthLimit'];
  /** Largest streamed response in bytes; default 200 MiB. */
  maxResponseSize?: number;
  /** Template parameter values, like `sam deploy --parameter-overrides`. */
  parameterOverrides?: Readonly<Record<string, string>>;
  /** Runtime inside the environments; default this package's own. */
  runtimeClient?: RuntimeClient;
  /** Receives every function log line and the emulator's notices; default the console. */
  logger?: FunctionLogger;
  /** What a URL does after a midstream failure; default `abort` (UNCONFIRMED, spec §4.4). */
  urlErrorMode?: UrlErrorMode;
  /** What `InvokeComplete.ErrorDetails` carries; default `message` (UNCONFIRMED, spec §3.6). */
  errorDetails?: ErrorDetailsFormat;
}

/** A served function, as `startLocalLambda` reports it. */
export interface ServedFunction {
  name: string;
  arn: string;
  url?: string;
  invokeMode?: 'BUFFERED' | 'RESPONSE_STREAM';
  authType?: 'AWS_IAM' | 'NONE';
}

/** A served REST API, as `startLocalLambda` reports it. */
export interface ServedRestApi {
  /** Logical ID (`ServerlessRestApi` for the implicit API). */
  name: string;
  /** e.g. `http://127.0.0.1:3100` */
  url: string;
  port: number;
  stages: string[];
  /** One base URL per stage, e.g. `http://127.0.0.1:3100/prod` */
  stageUrls: string[];
  routes: {
    method: string;
    path: string;
    functionName: string;
    transferMode: 'BUFFERED' | 'STREAM';
    auth: string;
  }[];
}

/** A running emulator. */
export interface LocalLambda {
  /** Lambda API endpoint for `--endpoint-url` / `new LambdaClient({ endpoint })`. */
  endpoint: string;
  region: string;
  credentials: defaults.LocalCredentials;
  functions: ServedFunction[];
  /** Every REST API, each on its own port, in template order. */
  restApis: ServedRestApi[];
  /** What the templates contain that cannot be emulated exactly (file and property named). */
  warnings: string[];
  /** Stops the servers and every runtime process. */
  close(): Promise<void>;
}

/** Every option with its default applied. */
export type Settings = ReturnType<typeof resolveSettings>;

/**
 * Applies the defaults.
 *
 * @example
 * ```ts
 * resolveSettings({ templates: 't.yaml', port: 0 }).urlPortBase; // 0
 * ```
 */
export function resolveSettings(options: StartLocalLambdaOptions) {
  const port = options.port ?? defaults.DEFAULT_PORT;
  return {
    host: options.host ?? defaults.DEFAULT_HOST,
    port,
    urlPortBase: options.urlPortBase ?? (port === 0 ? 0 : defaults.DEFAULT_URL_PORT_BASE),
    restApiPortBase:
      options.restApiPortBase ?? (port === 0 ? 0 : defaults.DEFAULT_REST_API_PORT_BASE),
    region: options.region ?? defaults.DEFAULT_REGION,
    credentials: options.credentials ?? { ...defaults.DEFAULT_CREDENTIALS },
    limits: defaults.resolveLimits({
      maxConcurrency: options.maxConcurrency,
      bandwidthLimit: options.bandwidthLimit,
      maxStreamedResponseBytes: options.maxResponseSize,
    }),
    logger: emulatorLogger(options.logger),
    errorMode: options.urlErrorMode ?? 'abort',
    errorDetails: options.errorDetails ?? 'message',
  };
}
