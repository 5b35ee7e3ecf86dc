/**
 * Where the run sends its requests: the Lambda API's Invoke of a function, and the function URLs.
 */
import type { Emulator } from '../../bench/lib/emulator.js';

/** The front ends the SigV4 matrix and the fuzz cover. */
export interface Targets {
  emulator: Emulator;
  /** `POST` here invokes `name` through the Lambda API. */
  invokeUrl(name: string, query?: string): string;
  /** The AWS_IAM, RESPONSE_STREAM URL of RelEchoFunction. */
  iamUrl: string;
  /** The NONE, BUFFERED URL of RelOpenFunction. */
  openUrl: string;
}

/**
 * @example
 * ```ts
 * const targets = await findTargets(emulator);
 * ```
 */
export async function findTargets(emulator: Emulator): Promise<Targets> {
  return {
    emulator,
    invokeUrl: (name, query) =>
      `${emulator.endpoint}/2015-03-31/functions/${encodeURIComponent(name)}/invocations${query ? `?${query}` : ''}`,
    iamUrl: await emulator.url('RelEchoFunction'),
    openUrl: await emulator.url('RelOpenFunction'),
  };
}
