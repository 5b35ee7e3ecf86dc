/**
 * Shared pieces of the core's tests: fixture functions, a service with a recording logger, a
 * "gate" server that lets a test hold a function mid-flight, and body readers.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { SamFunction } from '@lambda-streaming/sam-template';
import type {
  InvocationHandle,
  InvocationService,
  InvokeRequest,
  LimitOptions,
  LocalFunction,
} from '../../src/core/contracts.js';
import { createInvocationService } from '../../src/core/invocation-service.js';
import type { LogRecord } from '../../src/core/logs.js';
import type { RuntimeClient } from '../../src/core/runtime-command.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/core/', import.meta.url));
export const APP_DIR = `${FIXTURES}app`;
export const FIXTURE_RUNTIME = `${FIXTURES}runtime/fixture-runtime.mjs`;
export const FIXTURE_CLIENT: RuntimeClient = { command: ['{node}', FIXTURE_RUNTIME] };

/** A function of the fixture app; `handler` is e.g. `handlers.hello`. */
export function fixtureFunction(
  name: string,
  handler: string,
  overrides: Partial<SamFunction> = {},
): LocalFunction {
  const definition: SamFunction = {
    logicalId: name,
    templatePath: `${FIXTURES}template.yaml`,
    handler,
    codeUri: APP_DIR,
    runtime: 'nodejs22.x',
    architectures: ['x86_64'],
    timeout: 3,
    memorySize: 128,
    environment: {},
    ...overrides,
  };
  return { name, arn: `arn:aws:lambda:us-east-1:123456789012:function:${name}`, definition };
}

/** A service over fixture functions, recording every log line. */
export interface TestService {
  service: InvocationService;
  records: LogRecord[];
  /** Printed lines of one invocation (or of none, for `undefined`). */
  linesOf(requestId: string | undefined): string[];
  invoke(name: string, event?: unknown, request?: Partial<InvokeRequest>): InvocationHandle;
}

export function createTestService(
  functions: LocalFunction[],
  options: { limits?: Partial<LimitOptions>; runtimeClient?: RuntimeClient } = {},
): TestService {
  const records: LogRecord[] = [];
  const service = createInvocationService({
    functions,
    region: 'us-east-1',
    accountId: '123456789012',
    credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'secret', sessionToken: 'token' },
    limits: options.limits,
    runtimeClient: options.runtimeClient ?? FIXTURE_CLIENT,
    logger: (record) => records.push(record),
  });
  return {
    service,
    records,
    linesOf: (requestId) => records.filter((r) => r.requestId === requestId).map((r) => r.message),
    invoke: (name, event = {}, request = {}) =>
      service.invoke({
        functionName: name,
        payload: Buffer.from(JSON.stringify(event)),
        invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${name}`,
        delivery: 'stream',
        ...request,
      }),
  };
}

/** Reads a whole body. */
export async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Reads the next chunk of a body, or `undefined` at its end. */
export function nextChunk(body: Readable): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const onData = (chunk: Buffer) => {
      cleanup();
      body.pause();
      resolve(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(undefined);
    };
    const cleanup = () => {
      body.off('data', onData);
      body.off('end', onEnd);
    };
    body.on('data', onData);
    body.once('end', onEnd);
  });
}

/** A server whose `GET /<name>` answers only once the test calls `release(name)`. */
export interface Gate {
  url: string;
  release(name: string): void;
  /** Resolves when a function is waiting at `name`. */
  reached(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startGate(): Promise<Gate> {
  const waiting = new Map<string, ServerResponse>();
  const released = new Set<string>();
  const arrivals = new Map<string, () => void>();
  const arrived = new Map<string, Promise<void>>();
  const arrival = (name: string) => {
    if (!arrived.has(name)) {
      arrived.set(name, new Promise((resolve) => arrivals.set(name, resolve)));
    }
    return arrived.get(name) as Promise<void>;
  };
  const server = createServer((req, res) => {
    const name = (req.url ?? '/').slice(1);
    void arrival(name);
    arrivals.get(name)?.();
    if (released.has(name)) res.end('go');
    else waiting.set(name, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    release(name) {
      released.add(name);
      waiting.get(name)?.end('go');
      waiting.delete(name);
    },
    reached: arrival,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Resolves with `true` if `promise` settles before the other one. */
export async function settlesFirst(
  promise: Promise<unknown>,
  other: Promise<unknown>,
): Promise<boolean> {
  return Promise.race([promise.then(() => true), other.then(() => false)]);
}
