import { Buffer } from 'node:buffer';
import { afterEach, describe, expect, it } from 'vitest';
import {
  collectInvokePayload,
  type InvokeCompleteEvent,
  InvokeStreamError,
  invokePayloads,
  MISSING_INVOKE_COMPLETE,
} from '../../src/client/index.js';
import { invokeCompleteFrame, payloadChunkFrame } from '../../src/protocol/index.js';
import { closeInvokeServer, invokeAgainst } from './helpers/invoke-server.js';

const logText = 'START RequestId: 1\nboom\nEND RequestId: 1\n';
const logResult = Buffer.from(logText).toString('base64');
const errorDetails = '{"errorType":"Error","errorMessage":"boom"}';

describe('invokePayloads with a real LambdaClient', () => {
  afterEach(closeInvokeServer);

  it('yields the payload bytes and passes the completion to onComplete', async () => {
    // Arrange
    const output = await invokeAgainst((res) => {
      res.write(payloadChunkFrame('a'));
      res.write(payloadChunkFrame('b'));
      res.end(invokeCompleteFrame({ LogResult: logResult }));
    });
    const completions: InvokeCompleteEvent[] = [];
    const order: string[] = [];

    // Act
    const payloads = invokePayloads(output.EventStream, {
      onComplete: (complete) => {
        order.push('complete');
        completions.push(complete);
      },
    });
    for await (const bytes of payloads) order.push(Buffer.from(bytes).toString());

    // Assert
    expect(order).toEqual(['a', 'b', 'complete']);
    expect(completions[0]).toMatchObject({ errorCode: undefined, logResult: logText });
  });

  it('throws an InvokeStreamError with code, details, decoded logs and byte count', async () => {
    // Arrange
    const output = await invokeAgainst((res) => {
      res.write(payloadChunkFrame('half a '));
      res.end(
        invokeCompleteFrame({
          ErrorCode: 'Error',
          ErrorDetails: errorDetails,
          LogResult: logResult,
        }),
      );
    });
    const received: string[] = [];

    // Act
    const error = await (async () => {
      for await (const bytes of invokePayloads(output.EventStream)) {
        received.push(Buffer.from(bytes).toString());
      }
    })().catch((caught: unknown) => caught);

    // Assert
    expect(received).toEqual(['half a ']);
    expect(error).toBeInstanceOf(InvokeStreamError);
    expect(error).toMatchObject({
      errorCode: 'Error',
      errorDetails,
      logResult: logText,
      bytesReceived: 7,
      received: undefined,
    });
    expect((error as Error).message).toContain('Error');
  });
});

describe('collectInvokePayload with a real LambdaClient', () => {
  afterEach(closeInvokeServer);

  it('returns the whole payload and the completion', async () => {
    // Arrange
    const output = await invokeAgainst((res) => {
      res.write(payloadChunkFrame('<p>'));
      res.end(Buffer.concat([payloadChunkFrame('</p>'), invokeCompleteFrame()]));
    });

    // Act
    const { payload, complete } = await collectInvokePayload(output.EventStream);

    // Assert
    expect(payload.toString()).toBe('<p></p>');
    expect(complete).toMatchObject({ type: 'complete', errorCode: undefined, bytesReceived: 7 });
  });

  it('puts the bytes received before a function error on the error', async () => {
    // Arrange
    const output = await invokeAgainst((res) => {
      res.write(payloadChunkFrame('kept'));
      res.end(
        invokeCompleteFrame({ ErrorCode: 'Sandbox.Timedout', ErrorDetails: 'Task timed out' }),
      );
    });

    // Act
    const reading = collectInvokePayload(output.EventStream);

    // Assert
    await expect(reading).rejects.toMatchObject({
      errorCode: 'Sandbox.Timedout',
      errorDetails: 'Task timed out',
      received: Buffer.from('kept'),
    });
  });

  it('puts the bytes received on a missing-InvokeComplete error too', async () => {
    // Arrange
    const output = await invokeAgainst((res) => res.end(payloadChunkFrame('cut')));

    // Act
    const reading = collectInvokePayload(output.EventStream);

    // Assert
    await expect(reading).rejects.toMatchObject({
      errorCode: MISSING_INVOKE_COMPLETE,
      received: Buffer.from('cut'),
    });
  });
});
