/**
 * The object a streaming handler receives as `responseStream`: not the runtime's writable itself
 * but a plain object exposing a whitelist of its members (aws-lambda-ric 3.3.0
 * `src/ResponseStream.js` `writableStreamOnly`; 4.x `src/stream/response-stream.ts`
 * `toWritableResponseStream`). The two lists differ: 4.x makes `writable` read-only and drops
 * `writableBuffer`.
 */
import type { Writable } from 'node:stream';
import { type NodeRuntime, runtimeSemantics } from './node-runtimes.js';
import type { ResponseStreamExtras } from './response-stream.js';

/** In 3.3.0's order (the view's own keys keep it); 4.x lists the same methods in {@link METHODS_4X}. */
const METHODS_330 = [
  'cork',
  'destroy',
  'end',
  'uncork',
  'write',
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
  'setContentType',
] as const;

const METHODS_4X: readonly (typeof METHODS_330)[number][] = [
  'cork',
  'destroy',
  'end',
  'uncork',
  'write',
  'addListener',
  'on',
  'once',
  'prependListener',
  'prependOnceListener',
  'off',
  'removeListener',
  'removeAllListeners',
  'setMaxListeners',
  'getMaxListeners',
  'listeners',
  'rawListeners',
  'listenerCount',
  'eventNames',
  'emit',
  'setContentType',
];

/** 3.3.0's read-only properties, in its order (visible to `Object.getOwnPropertyNames`). */
const READ_ONLY_330 = [
  'writableFinished',
  'writableObjectMode',
  'writableBuffer',
  'writableEnded',
  'writableNeedDrain',
  'writableHighWaterMark',
  'writableCorked',
  'writableLength',
] as const;

/** 4.x drops `writableBuffer` and makes `writable` read-only, last. */
const READ_ONLY_4X = [
  'writableFinished',
  'writableObjectMode',
  'writableEnded',
  'writableNeedDrain',
  'writableHighWaterMark',
  'writableCorked',
  'writableLength',
  'writable',
] as const;

const MEMBERS = {
  '3.3.0': {
    methods: METHODS_330,
    readWrite: ['destroyed', 'writable', '_onBeforeFirstWrite'],
    readOnly: READ_ONLY_330,
  },
  '4.x': {
    methods: METHODS_4X,
    readWrite: ['destroyed', '_onBeforeFirstWrite'],
    readOnly: READ_ONLY_4X,
  },
} as const;

/** The members every runtime exposes; `writable` and `writableBuffer` vary and are left out. */
export type HandlerStreamView = Pick<
  Writable,
  | Exclude<(typeof METHODS_330)[number], 'setContentType'>
  | Exclude<(typeof READ_ONLY_330)[number], 'writableBuffer'>
  | 'destroyed'
> &
  ResponseStreamExtras;

type AnyMethod = (...args: unknown[]) => unknown;

/**
 * Builds the handler's view of a response stream. Methods are bound now, so `write` and `end`
 * must already carry the runtime's semantics; properties read (and some write) through.
 *
 * @param inner - The writable with the response-stream semantics applied.
 * @param runtime - Whose member list to expose.
 * @returns The object to pass to the handler.
 * @example
 * ```ts
 * const responseStream = handlerStreamView(applyResponseStreamSemantics(req, setType), 'nodejs24.x');
 * ```
 */
export function handlerStreamView(
  inner: Writable & ResponseStreamExtras,
  runtime: NodeRuntime,
): HandlerStreamView {
  const source = inner as unknown as Record<string, unknown>;
  const { methods, readWrite, readOnly } = MEMBERS[runtimeSemantics(runtime).ricVersion];
  const view: Record<string, unknown> = Object.fromEntries(
    methods.map((name) => [name, (source[name] as AnyMethod).bind(inner)]),
  );
  for (const name of readWrite) {
    Object.defineProperty(view, name, {
      get: () => source[name],
      set: (value: unknown) => {
        source[name] = value;
      },
    });
  }
  for (const name of readOnly) {
    Object.defineProperty(view, name, { get: () => source[name] });
  }
  return view as unknown as HandlerStreamView;
}
