/**
 * What Lambda reports in the last event of an `InvokeWithResponseStream` response, with the
 * base64 `LogResult` already decoded.
 */
export interface InvokeCompletion {
  /** The function error (e.g. `Error`, `Sandbox.Timedout`); `undefined` when it succeeded. */
  errorCode: string | undefined;
  /** Lambda's description of the error, as sent (often the runtime's error JSON). */
  errorDetails: string | undefined;
  /** The tail of the function's log as text (only with `LogType: 'Tail'`). */
  logResult: string | undefined;
  /** Payload bytes received before the completion. */
  bytesReceived: number;
}

/**
 * The `errorCode` of the {@link InvokeStreamError} thrown when an event stream ends without an
 * `InvokeComplete` event. Real Lambda always sends one, so its absence means the response was
 * cut short (a dropped connection that happened to end on a frame boundary, or a broken
 * emulator). The `Client.` prefix keeps it apart from the codes Lambda itself reports.
 *
 * @example
 * ```ts
 * if (error instanceof InvokeStreamError && error.errorCode === MISSING_INVOKE_COMPLETE) retry();
 * ```
 */
export const MISSING_INVOKE_COMPLETE = 'Client.MissingInvokeComplete';

/**
 * An `InvokeWithResponseStream` call whose function failed after the HTTP 200 was sent: the
 * status cannot change any more, so Lambda reports the failure in `InvokeComplete.ErrorCode`.
 * Also thrown, with `errorCode` {@link MISSING_INVOKE_COMPLETE}, when the stream ends without
 * `InvokeComplete`.
 *
 * @example
 * ```ts
 * try {
 *   for await (const bytes of invokePayloads(output.EventStream)) process.stdout.write(bytes);
 * } catch (error) {
 *   if (error instanceof InvokeStreamError) console.error(error.errorCode, error.logResult);
 *   else throw error;
 * }
 * ```
 */
export class InvokeStreamError extends Error {
  /** `InvokeComplete.ErrorCode`, or {@link MISSING_INVOKE_COMPLETE}. */
  readonly errorCode: string;
  /** `InvokeComplete.ErrorDetails`, as sent. */
  readonly errorDetails: string | undefined;
  /** `InvokeComplete.LogResult`, base64-decoded to text. */
  readonly logResult: string | undefined;
  /** How many payload bytes arrived before the failure. */
  readonly bytesReceived: number;
  /**
   * The payload bytes that arrived before the failure, when the reader kept them
   * ({@link collectInvokePayload} does; the streaming readers already handed them to the caller).
   */
  readonly received: Uint8Array | undefined;

  /**
   * @param completion - The completion that reported the error.
   * @param received - The payload bytes received before it, if they were kept.
   */
  constructor(completion: InvokeCompletion & { errorCode: string }, received?: Uint8Array) {
    const details = completion.errorDetails ? `: ${completion.errorDetails}` : '';
    super(`The invocation failed after streaming started (${completion.errorCode})${details}`);
    this.name = 'InvokeStreamError';
    this.errorCode = completion.errorCode;
    this.errorDetails = completion.errorDetails;
    this.logResult = completion.logResult;
    this.bytesReceived = completion.bytesReceived;
    this.received = received;
  }
}
