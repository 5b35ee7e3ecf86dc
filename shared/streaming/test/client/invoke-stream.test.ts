import { Buffer } from 'node:buffer';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type InvokeStreamEvent,
  MISSING_INVOKE_COMPLETE,
  readInvokeStream,
} from '../../src/client/index.js';
import { invokeCompleteFrame, payloadChunkFrame } from '../../src/protocol/index.js';
import { closeInvokeServer, invokeAgainst } from './helpers/invoke-server.js';
import { createGate } from './helpers/local-server.js';

const logText = 'START RequestId: 1\nboom\nEND RequestId: 1\n';
const logResult = Buffer.from(logText).toString('base64');
const errorDetails = '{"errorType":"Error","errorMessage":"boom"}';

function text(event: InvokeStreamEvent | undefined): string {
  return event?.type === 'chunk' ? Buffer.from(event.payload).toString() : '';
}

describe('readInvokeStream with a real LambdaClient', () => {
  afterEach(closeInvokeServer);

  it('yields each chunk as it arrives, before InvokeComplete is sent', async () => {
    // Arrange
    const gate = createGate();
    const output = await invokeAgainst(async (res) => {
      res.write(payloadChunkFrame('one,'));
      await gate.promise;
      res.write(payloadChunkFrame('two'));
      res.end(invokeCompleteFrame({ LogResult: logResult }));
    });
    const events = readInvokeStream(output.EventStream);

    // Act
    const first = await events.next();
    gate.open();
    const rest = [];
    for await (const event of events) rest.push(event);

    // Assert
    expect(first.value).toMatchObject({ type: 'chunk' });
    expect(text(first.done ? undefined : first.value)).toBe('one,');
    expect(rest.map((event) => event.type)).toEqual(['chunk', 'complete']);
    expect(text(rest[0])).toBe('two');
    expect(rest[1]).toMatchObject({
      type: 'complete',
      errorCode: undefined,
      logResult: logText,
      bytesReceived: 7,
    });
  });

  it('reports a function error as a complete event, after the chunks', async () => {
    // Arrange
    const output = await invokeAgainst((res) => {
      res.write(payloadChunkFrame('partial'));
      res.end(invokeCompleteFrame({ ErrorCode: 'Error', ErrorDetails: errorDetails }));
    });

    // Act
    const events = [];
    for await (const event of readInvokeStream(output.EventStream)) events.push(event);

    // Assert
    expect(events.map((event) => event.type)).toEqual(['chunk', 'complete']);
    expect(events[1]).toMatchObject({ errorCode: 'Error', errorDetails, bytesReceived: 7 });
  });

  it('throws a MISSING_INVOKE_COMPLETE error when the stream ends without InvokeComplete', async () => {
    // Arrange
    const output = await invokeAgainst((res) => res.end(payloadChunkFrame('cut')));
    const received: string[] = [];

    // Act
    const reading = (async () => {
      for await (const event of readInvokeStream(output.EventStream)) received.push(event.type);
    })();

    // Assert
    await expect(reading).rejects.toMatchObject({
      name: 'InvokeStreamError',
      errorCode: MISSING_INVOKE_COMPLETE,
      bytesReceived: 3,
    });
    expect(received).toEqual(['chunk']);
  });

  it('ends quietly without InvokeComplete when requireComplete is false', async () => {
    // Arrange
    const output = await invokeAgainst((res) => res.end(payloadChunkFrame('cut')));

    // Act
    const events = [];
    for await (const event of readInvokeStream(output.EventStream, { requireComplete: false })) {
      events.push(event.type);
    }

    // Assert
    expect(events).toEqual(['chunk']);
  });
});
