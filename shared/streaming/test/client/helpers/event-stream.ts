import type { ServerResponse } from 'node:http';
import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';

const codec = new EventStreamCodec(toUtf8, fromUtf8);

function frame(eventType: string, contentType: string, body: Uint8Array): Uint8Array {
  return codec.encode({
    headers: {
      ':message-type': { type: 'string', value: 'event' },
      ':event-type': { type: 'string', value: eventType },
      ':content-type': { type: 'string', value: contentType },
    },
    body,
  });
}

/**
 * Encodes a `PayloadChunk` event frame, as Lambda sends it.
 *
 * @param text - The payload.
 * @returns The frame bytes.
 * @example
 * ```ts
 * res.write(payloadChunkFrame('hello'));
 * ```
 */
export function payloadChunkFrame(text: string): Uint8Array {
  return frame('PayloadChunk', 'application/octet-stream', fromUtf8(text));
}

/**
 * Encodes an `InvokeComplete` event frame.
 *
 * @param fields - `ErrorCode`, `ErrorDetails`, `LogResult`, or nothing for success.
 * @returns The frame bytes.
 * @example
 * ```ts
 * res.end(invokeCompleteFrame({ ErrorCode: 'Error', ErrorDetails: 'boom' }));
 * ```
 */
export function invokeCompleteFrame(
  fields: { ErrorCode?: string; ErrorDetails?: string; LogResult?: string } = {},
): Uint8Array {
  return frame('InvokeComplete', 'application/json', fromUtf8(JSON.stringify(fields)));
}

/**
 * Starts an `InvokeWithResponseStream` response: status 200 and the event-stream content type.
 *
 * @param res - The server response.
 * @example
 * ```ts
 * beginEventStream(res);
 * res.write(payloadChunkFrame('a'));
 * ```
 */
export function beginEventStream(res: ServerResponse): void {
  res.writeHead(200, {
    'content-type': 'application/vnd.amazon.eventstream',
    'x-amzn-requestid': 'test-request-id',
    'x-amz-executed-version': '$LATEST',
  });
}
