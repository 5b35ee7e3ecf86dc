/**
 * The emulator's fixed values, its defaults and Lambda's limits, in one place so the CLI, the
 * README, the servers and the invocations agree on them. The limits are RAPID's (the Runtime API
 * server inside Lambda): aws-lambda-runtime-interface-emulator `internal/lambda/interop/model.go`
 * (spec §2.5, §5).
 *
 * @module
 */

/** Account id in every local ARN (the one AWS uses in its documentation). */
export const LOCAL_ACCOUNT_ID = '123456789012';

/** Region when none is given. */
export const DEFAULT_REGION = 'us-east-1';

/** Host the servers bind to by default: loopback only. */
export const DEFAULT_HOST = '127.0.0.1';

/** Port of the Lambda API. */
export const DEFAULT_PORT = 3000;

/** Port of the first function URL; the next URLs take the following ports. */
export const DEFAULT_URL_PORT_BASE = 3001;

/** Port of the first REST API (`AWS::Serverless::Api`); the next APIs take the following ports. */
export const DEFAULT_REST_API_PORT_BASE = 3100;

/** Invocations running at once before 429; Lambda's account default is far higher, 10 keeps a laptop responsive. */
export const DEFAULT_MAX_CONCURRENCY = 10;

/** Largest streamed response (200 MiB, the July 2025 quota; spec §5). */
export const DEFAULT_MAX_RESPONSE_SIZE = 200 * 1024 * 1024;

/**
 * RAPID's `MaxPayloadSize`, 6 MiB + 100 bytes: one cap for request payloads, buffered responses
 * and the error documents a runtime posts (spec §2.5).
 */
export const MAX_PAYLOAD_BYTES = 6 * 1024 * 1024 + 100;

/**
 * Largest payload of an `Event` (async) invocation: "For asynchronous invocations, the maximum
 * payload size is 1 MB" (Invoke API reference; 256 KB before 2025). UNCONFIRMED: whether the
 * exact cap is 1,048,576 bytes or 1,000,000.
 */
export const MAX_EVENT_PAYLOAD_BYTES = 1024 * 1024;

/** `ResponseBandwidthBurstSize`: the bucket's capacity, bytes sent at full speed. */
export const BANDWIDTH_BURST_BYTES = 6 * 1024 * 1024;

/** `ResponseBandwidthRate`: 2 MiB/s once the burst is spent. */
export const BANDWIDTH_BYTES_PER_SECOND = 2 * 1024 * 1024;

/** RAPID refills its token bucket every 125 ms. */
export const BANDWIDTH_TICK_MS = 125;

/**
 * Lambda gives the Init phase 10 s. UNCONFIRMED (spec §5): on a timed-out Init, Lambda retries
 * Init inside the invocation; the emulator fails the invocation instead.
 */
export const INIT_TIMEOUT_SECONDS = 10;

/**
 * How long a known result waits for the runtime's `/next` before the outcome is reported anyway.
 * UNCONFIRMED (spec §1.5): Lambda bills until `/next`; a function that leaves timers behind keeps
 * its environment busy (until its timeout) but its caller is not kept waiting.
 */
export const NEXT_GRACE_MS = 100;

/**
 * Seconds an execution environment may stay idle before it is stopped, so that the next
 * invocation is a cold start. Lambda does not document its idle time: it reclaimed idle
 * environments after 5 minutes in its early years, and measurements since have seen anything from
 * 5 to 60 minutes (theburningmonk.com, "how long does AWS Lambda keep your idle functions
 * around", 2017). 5 minutes keeps a laptop's memory bounded.
 */
export const DEFAULT_IDLE_TIMEOUT_SECONDS = 300;

/** How often the memory of a running environment's process group is read (spec §5). */
export const MEMORY_SAMPLE_MS = 100;

/** What happens to execution environments between invocations. */
export interface LifecycleOptions {
  /**
   * Freeze an idle environment's process group (SIGSTOP) while its runtime waits at `/next`, and
   * thaw it (SIGCONT) when the next event is handed to it, as Lambda does; `false` for a debugger.
   */
  freeze: boolean;
  /** Idle seconds after which an environment is stopped. */
  idleTimeoutSeconds: number;
}

/** The lifecycle when the caller sets none: frozen when idle, stopped after 5 idle minutes. */
export const DEFAULT_LIFECYCLE: Readonly<LifecycleOptions> = Object.freeze({
  freeze: true,
  idleTimeoutSeconds: DEFAULT_IDLE_TIMEOUT_SECONDS,
});

/**
 * Request-body bytes held, across the whole emulator, by requests whose signature is not yet
 * verified: 64 MiB, ten 6 MB payloads. A request that would go beyond it is answered 429
 * (`TooManyRequestsException`, `Retry-After: 1`; a URL's `{"Message":"Rate Exceeded."}`) before
 * its body is read, so the SDKs back off and retry. Unsigned and mis-scoped requests are refused
 * from their headers and hold nothing.
 */
export const MAX_UNAUTHENTICATED_BYTES = 64 * 1024 * 1024;

/**
 * Open connections per server (the Lambda API, each function URL). The next one gets a 429 in
 * the front end's shape and is closed.
 */
export const MAX_CONNECTIONS_PER_SERVER = 256;

/**
 * How long an idle keep-alive connection stays open: above 60 s (Node's default, 5 s, closed
 * sockets under idle SDK clients, which then saw `ECONNRESET`).
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** Time to receive a request's headers: longer than the keep-alive wait, as Node advises. */
export const HEADERS_TIMEOUT_MS = 66_000;

/** Time to receive a whole request (a 6 MB body on a slow link included). */
export const REQUEST_TIMEOUT_MS = 300_000;

/** Bytes of log kept per invocation: what `X-Amz-Log-Result` / `LogResult` carry (spec §3.7). */
export const LOG_TAIL_BYTES = 4096;

/**
 * The documented local credential pair: every request signed with it verifies, nothing else
 * does. Not a secret; printed at start.
 */
export const DEFAULT_CREDENTIALS = Object.freeze({
  accessKeyId: 'LOCALLAMBDAACCESSKEY',
  secretAccessKey: 'local-lambda-secret-access-key',
});

/** The SigV4 service of the Lambda API and of function URLs alike (spec §6.3 step 7). */
export const SIGNING_SERVICE = 'lambda';

/** AWS credentials the emulator checks signatures against. */
export interface LocalCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** When set, requests must carry it in `x-amz-security-token`. */
  sessionToken?: string;
}

/** Emulator-wide limits the invocations enforce. */
export interface LimitOptions {
  /** 6 MiB at full speed then 2 MiB/s, as Lambda does; `false` turns it off. */
  bandwidthLimit: boolean | { burstBytes: number; bytesPerSecond: number };
  /** Streamed responses above this end with `Function.ResponseSizeTooLarge` (default 200 MiB). */
  maxStreamedResponseBytes: number;
  /** Buffered responses above this fail ({@link MAX_PAYLOAD_BYTES}). */
  maxBufferedResponseBytes: number;
  maxConcurrency: number;
}

/** The limits the emulator applies when the caller sets none. */
export const DEFAULT_LIMITS: Readonly<LimitOptions> = Object.freeze({
  bandwidthLimit: true,
  maxStreamedResponseBytes: DEFAULT_MAX_RESPONSE_SIZE,
  maxBufferedResponseBytes: MAX_PAYLOAD_BYTES,
  maxConcurrency: DEFAULT_MAX_CONCURRENCY,
});

/**
 * Fills the limits the caller left out (or gave as `undefined`) with Lambda's values.
 *
 * @param limits - Partial limits (e.g. from CLI flags).
 * @returns Complete limits.
 * @example
 * ```ts
 * resolveLimits({ bandwidthLimit: false }).maxConcurrency; // 10
 * ```
 */
export function resolveLimits(
  limits: { [K in keyof LimitOptions]?: LimitOptions[K] | undefined } = {},
): LimitOptions {
  const resolved = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(limits)) {
    if (value !== undefined) Object.assign(resolved, { [key]: value });
  }
  return resolved;
}
