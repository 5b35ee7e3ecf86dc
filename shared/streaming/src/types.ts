import type { Context } from 'aws-lambda';

/**
 * The response stream a streaming handler receives: a writable with `setContentType`
 * (the `awslambda.HttpResponseStream` declared by `@types/aws-lambda`).
 */
export type ResponseStream = awslambda.HttpResponseStream;

/**
 * A response-streaming handler. It must be `async`: the runtime rejects streaming handlers
 * that do not return a promise.
 */
export type StreamingHandler<TEvent = unknown> = (
  event: TEvent,
  responseStream: ResponseStream,
  context: Context,
) => Promise<void>;

/** The `awslambda` global as the managed Node.js runtime provides it. */
export interface AwslambdaGlobal {
  streamifyResponse: typeof awslambda.streamifyResponse;
  HttpResponseStream: typeof awslambda.HttpResponseStream;
}

/**
 * The runtime's `awslambda` global, or `undefined` outside a Lambda runtime (plain Node, a
 * script, a test without the setup file).
 *
 * @returns The global, when a runtime installed it.
 * @example
 * ```ts
 * const from = runtimeGlobal()?.HttpResponseStream.from ?? localFrom;
 * ```
 */
export function runtimeGlobal(): AwslambdaGlobal | undefined {
  return (globalThis as { awslambda?: AwslambdaGlobal }).awslambda;
}
