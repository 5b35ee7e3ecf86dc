/**
 * The object a streaming handler receives as `responseStream`: not the HTTP request itself but
 * a view that exposes only a whitelist of its members (RIC `src/ResponseStream.js`
 * `writableStreamOnly`), so handlers see exactly what they see on Lambda.
 */
import type { Writable } from 'node:stream';
import type { ResponseStreamExtras } from '@lambda-streaming/streaming/wire';

const METHODS = [
  // stream.Writable
  'cork',
  'destroy',
  'end',
  'uncork',
  'write',
  // EventEmitter
  'addListener',
  'emit',
  'eventNames',
  'getMaxListeners',
  'listenerCount',
  'listeners',
  'off',
  'on',
  'once',
  'prependListener',
  'prependOnceListener',
  'rawListeners',
  'removeAllListeners',
  'removeListener',
  'setMaxListeners',
  // AWS
  'setContentType',
] as const;

const READ_WRITE_PROPERTIES = ['destroyed', 'writable', '_onBeforeFirstWrite'] as const;

const READ_ONLY_PROPERTIES = [
  'writableFinished',
  'writableObjectMode',
  'writableBuffer',
  'writableEnded',
  'writableNeedDrain',
  'writableHighWaterMark',
  'writableCorked',
  'writableLength',
] as const;

type ExposedName =
  | (typeof METHODS)[number]
  | (typeof READ_WRITE_PROPERTIES)[number]
  | (typeof READ_ONLY_PROPERTIES)[number];

type ExposedWritable = Pick<Writable, Extract<ExposedName, keyof Writable>>;

/** The handler's view of the response stream. */
export type HandlerResponseStream = ExposedWritable & ResponseStreamExtras;

type AnyMethod = (...args: unknown[]) => unknown;

/**
 * Builds the whitelisted view. Methods are bound now, so `write`/`end` must already carry the
 * runtime's semantics; properties read (and for three of them, write) through to `inner`.
 *
 * @param inner - The request to the Runtime API, with the response-stream semantics applied.
 * @returns The object to hand to the handler.
 * @example
 * ```ts
 * const responseStream = writableStreamOnly(applyResponseStreamSemantics(req, setType));
 * ```
 */
export function writableStreamOnly(inner: Writable & ResponseStreamExtras): HandlerResponseStream {
  const source = inner as unknown as Record<string, unknown>;
  const view: Record<string, unknown> = Object.fromEntries(
    METHODS.map((name) => [name, (source[name] as AnyMethod).bind(inner)]),
  );
  for (const name of READ_WRITE_PROPERTIES) {
    Object.defineProperty(view, name, {
      get: () => source[name],
      set: (value: unknown) => {
        source[name] = value;
      },
    });
  }
  for (const name of READ_ONLY_PROPERTIES) {
    Object.defineProperty(view, name, { get: () => source[name] });
  }
  return view as unknown as HandlerResponseStream;
}
