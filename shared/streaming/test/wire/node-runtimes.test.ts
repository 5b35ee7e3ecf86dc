import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  applyResponseStreamSemantics,
  checkHandlerAtInit,
  formatRuntimeError,
  handlerStreamView,
  MalformedStreamingHandler,
  type NodeRuntime,
  nodeRuntimeOfExecutionEnv,
  runtimeSemantics,
  STREAMING_HANDLER_SYMBOL,
} from '../../src/wire/index.js';

const sink = () =>
  new Writable({
    write(_chunk, _encoding, callback) {
      callback();
    },
  });

describe('runtime semantics table', () => {
  it('names the aws-lambda-ric release of each runtime and refuses others', () => {
    // Act
    const versions = (['nodejs22.x', 'nodejs24.x'] as const).map(
      (r) => runtimeSemantics(r).ricVersion,
    );
    const act = () => runtimeSemantics('nodejs20.x' as NodeRuntime);

    // Assert
    expect(versions).toEqual(['3.3.0', '4.x']);
    expect(act).toThrow("Unsupported runtime 'nodejs20.x': use one of nodejs22.x, nodejs24.x");
  });

  it('names the content-type error with an own property on 4.x only', () => {
    // Arrange
    const streams = (['nodejs22.x', 'nodejs24.x'] as const).map((runtime) => {
      const stream = applyResponseStreamSemantics(sink(), () => {}, runtime);
      stream.write('first');
      return stream;
    });

    // Act
    const errors = streams.map((stream) => {
      try {
        stream.setContentType('text/plain');
        return undefined;
      } catch (error) {
        return error as Error;
      }
    });

    // Assert
    expect(errors.map((error) => error?.name)).toEqual([
      'Runtime.InvalidStreamingOperation',
      'Runtime.InvalidStreamingOperation',
    ]);
    expect(errors.map((error) => Object.keys(error ?? {}))).toEqual([[], ['name']]);
  });

  it('records what the runtime process itself does differently', () => {
    // Act
    const [on22, on24] = (['nodejs22.x', 'nodejs24.x'] as const).map((r) => {
      const { processErrorListeners, requestIdOutsideInvocation, handlerReceivers } =
        runtimeSemantics(r);
      return { processErrorListeners, requestIdOutsideInvocation, handlerReceivers };
    });

    // Assert
    expect(on22).toEqual({
      processErrorListeners: true,
      requestIdOutsideInvocation: 'undefined',
      handlerReceivers: { buffered: 'Runtime', streaming: 'Runtime' },
    });
    expect(on24).toEqual({
      processErrorListeners: false,
      requestIdOutsideInvocation: '-',
      handlerReceivers: {
        buffered: 'BufferedInvokeProcessor',
        streaming: 'StreamingInvokeProcessor',
      },
    });
  });

  it('selects 4.x for nodejs24.x and later, 3.3.0 for anything else', () => {
    // Act
    const selected = [
      'AWS_Lambda_nodejs24.x',
      'AWS_Lambda_nodejs26.x',
      'AWS_Lambda_nodejs22.x',
      'AWS_Lambda_nodejs20.x',
      'AWS_Lambda_python3.13',
      undefined,
    ].map(nodeRuntimeOfExecutionEnv);

    // Assert
    expect(selected).toEqual([
      'nodejs24.x',
      'nodejs24.x',
      'nodejs22.x',
      'nodejs22.x',
      'nodejs22.x',
      'nodejs22.x',
    ]);
  });

  it('names the 4.x runtime errors with an own property, as log lines show it', () => {
    // Act
    const error = new MalformedStreamingHandler('Only response streaming is supported.');

    // Assert
    expect(Object.keys(error)).toEqual(['name']);
    expect(String(error)).toBe(
      'Runtime.MalformedStreamingHandler: Only response streaming is supported.',
    );
  });
});

describe('error reports', () => {
  it('treats an error-like object as an error on 3.3.0 only', () => {
    // Arrange
    const errorLike = {
      name: 'Custom',
      message: 'looks like one',
      stack: 'Custom: looks like one\n  at x',
    };

    // Act
    const on22 = formatRuntimeError(errorLike, 'nodejs22.x');
    const on24 = formatRuntimeError(errorLike, 'nodejs24.x');

    // Assert
    expect(on22).toEqual({
      errorType: 'Custom',
      errorMessage: 'looks like one',
      trace: ['Custom: looks like one', '  at x'],
    });
    expect(on24).toEqual({ errorType: 'object', errorMessage: '[object Object]', trace: [] });
  });

  it('escapes DEL in the error type and message on both', () => {
    // Arrange
    const error = Object.assign(new Error('bad\x7Fbyte'), { name: 'Odd\x7FName' });

    // Act
    const reports = [
      formatRuntimeError(error, 'nodejs22.x'),
      formatRuntimeError(error, 'nodejs24.x'),
    ];

    // Assert
    for (const report of reports) {
      expect(report).toMatchObject({ errorType: 'Odd%7FName', errorMessage: 'bad%7Fbyte' });
    }
  });
});

describe('init checks', () => {
  it('treats an empty streaming tag as malformed on 3.3.0 and as untagged on 4.x', () => {
    // Arrange
    const handler = Object.assign(async (_event: unknown) => {}, {
      [STREAMING_HANDLER_SYMBOL]: '',
    });

    // Act
    const on22 = () => checkHandlerAtInit(handler, 'nodejs22.x');
    const on24 = checkHandlerAtInit(handler, 'nodejs24.x');

    // Assert
    expect(on22).toThrow(new ReferenceError('MalformedStreamingHandler is not defined'));
    expect(on24).toEqual({ streaming: false, highWaterMark: undefined, argsNum: 1 });
  });

  it('reads the highWaterMark given to streamifyResponse', () => {
    // Arrange
    const handler = Object.assign(
      async (_event: unknown, _stream: unknown, _context: unknown) => {},
      {
        [STREAMING_HANDLER_SYMBOL]: 'response',
        [Symbol.for('aws.lambda.runtime.handler.streaming.highWaterMark')]: 1024,
      },
    );

    // Act
    const metadata = checkHandlerAtInit(handler, 'nodejs24.x');

    // Assert
    expect(metadata).toEqual({ streaming: true, highWaterMark: 1024, argsNum: 3 });
  });
});

describe('the handler view of the stream', () => {
  it('lets 3.3.0 handlers set writable and read writableBuffer, and 4.x neither', () => {
    // Arrange
    const view22 = handlerStreamView(
      applyResponseStreamSemantics(sink(), () => {}),
      'nodejs22.x',
    );
    const view24 = handlerStreamView(
      applyResponseStreamSemantics(sink(), () => {}),
      'nodejs24.x',
    );

    // Act
    const descriptors = [view22, view24].map((view) =>
      Object.getOwnPropertyDescriptor(view, 'writable'),
    );

    // Assert
    expect(descriptors.map((descriptor) => typeof descriptor?.set)).toEqual([
      'function',
      'undefined',
    ]);
    expect('writableBuffer' in view22).toBe(true);
    expect('writableBuffer' in view24).toBe(false);
    expect(Object.keys(view22).slice(5, 7)).toEqual(['addListener', 'emit']);
    expect(Object.keys(view24).slice(5, 7)).toEqual(['addListener', 'on']);
  });

  it('defines the members in the order of each runtime client', () => {
    // Arrange
    const view = (runtime: NodeRuntime) =>
      handlerStreamView(
        applyResponseStreamSemantics(sink(), () => {}, runtime),
        runtime,
      );

    // Act
    const [on22, on24] = (['nodejs22.x', 'nodejs24.x'] as const).map((runtime) =>
      Object.getOwnPropertyNames(view(runtime)).slice(-11),
    );

    // Assert: 3.3.0 `writableStreamOnly`, 4.x `toWritableResponseStream`
    expect(on22).toEqual([
      'destroyed',
      'writable',
      '_onBeforeFirstWrite',
      'writableFinished',
      'writableObjectMode',
      'writableBuffer',
      'writableEnded',
      'writableNeedDrain',
      'writableHighWaterMark',
      'writableCorked',
      'writableLength',
    ]);
    expect(on24).toEqual([
      'setContentType',
      'destroyed',
      '_onBeforeFirstWrite',
      'writableFinished',
      'writableObjectMode',
      'writableEnded',
      'writableNeedDrain',
      'writableHighWaterMark',
      'writableCorked',
      'writableLength',
      'writable',
    ]);
  });

  it('writes through to the stream it views', () => {
    // Arrange
    const written: string[] = [];
    const inner = new Writable({
      write(chunk, _encoding, callback) {
        written.push(chunk.toString());
        callback();
      },
    });
    const view = handlerStreamView(
      applyResponseStreamSemantics(inner, () => {}),
      'nodejs24.x',
    );

    // Act
    view.write({ a: 1 });

    // Assert
    expect(written).toEqual(['{"a":1}']);
  });
});

describe('end', () => {
  it('takes one argument on 3.3.0, so end(chunk, callback) never calls back; 4.x passes both', async () => {
    // Arrange
    const streams = (['nodejs22.x', 'nodejs24.x'] as const).map((runtime) =>
      applyResponseStreamSemantics(sink(), () => {}, runtime),
    );
    const calledBack = [false, false];

    // Act
    const returned = streams.map((stream, index) =>
      stream.end('last', () => {
        calledBack[index] = true;
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));

    // Assert
    expect(streams.map((stream) => stream.writableFinished)).toEqual([true, true]);
    expect(calledBack).toEqual([false, true]);
    expect(returned).toEqual([undefined, streams[1]]);
  });
});
