/** Types shared by the runtime's modules. */
/**
 * A function handler as the runtime calls it: `(event, context, callback)` for buffered
 * handlers, `(event, responseStream, context)` for streaming ones.
 */
export type Handler = (event: unknown, second: unknown, third: unknown) => unknown;

/** What the runtime does on an uncaught exception or unhandled rejection (RIC `index.mjs`). */
export interface ErrorCallbacks {
  uncaughtException(error: unknown): void;
  unhandledRejection(error: unknown): void;
}

/** Headers of a `/next` response, lowercased, normalised like RIC's native client does. */
export type InvocationHeaders = Record<string, string | number | undefined>;

/** One event from `/next`. */
export interface NextInvocation {
  /** The event as text, parsed by the invoke loop. */
  bodyJson: string;
  headers: InvocationHeaders;
}
