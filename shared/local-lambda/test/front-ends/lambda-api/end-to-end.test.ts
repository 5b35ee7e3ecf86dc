import {
  InvokeCommand,
  InvokeWithResponseStreamCommand,
  type InvokeWithResponseStreamResponseEvent,
} from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureEmulator, startFixtureEmulator } from '../../fixtures/frontend/emulator.js';
import { awsEnv, runProcess } from '../../fixtures/frontend/run-process.js';

const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString();

async function readEvents(
  stream: AsyncIterable<InvokeWithResponseStreamResponseEvent> | undefined,
) {
  const events: InvokeWithResponseStreamResponseEvent[] = [];
  for await (const event of stream ?? []) events.push(event);
  return events;
}

describe('Lambda API over real functions', () => {
  let emulator: FixtureEmulator;
  beforeAll(async () => {
    emulator = await startFixtureEmulator();
  });
  afterAll(() => emulator.close());

  it('streams the first chunk to the SDK before the function finishes', async () => {
    // Arrange
    const gate = emulator.gate.arm();

    // Act
    const response = await emulator.client.send(
      new InvokeWithResponseStreamCommand({ FunctionName: 'StreamFn' }),
    );
    const events: InvokeWithResponseStreamResponseEvent[] = [];
    for await (const event of response.EventStream ?? []) {
      events.push(event);
      if (events.length === 1) {
        await gate.reached;
        gate.open();
      }
    }

    // Assert
    expect(text(events[0]?.PayloadChunk?.Payload)).toBe('first|');
    expect(events.map((event) => text(event.PayloadChunk?.Payload)).join('')).toBe('first|second');
    expect(events.at(-1)?.InvokeComplete).toEqual({});
  });

  it('reports a midstream error in InvokeComplete after the bytes already written', async () => {
    // Act
    const response = await emulator.client.send(
      new InvokeWithResponseStreamCommand({ FunctionName: 'FailFn' }),
    );
    const events = await readEvents(response.EventStream);

    // Assert
    expect(text(events[0]?.PayloadChunk?.Payload)).toBe('partial ');
    expect(events.at(-1)?.InvokeComplete).toMatchObject({
      ErrorCode: 'Error',
      ErrorDetails: 'midstream failure',
    });
  });

  it('reports a timeout as Sandbox.Timedout, streamed and buffered', async () => {
    // Act
    const [events, buffered] = await Promise.all([
      emulator.client
        .send(new InvokeWithResponseStreamCommand({ FunctionName: 'HangFn' }))
        .then((streamed) => readEvents(streamed.EventStream)),
      emulator.client.send(new InvokeCommand({ FunctionName: 'HangFn' })),
    ]);

    // Assert
    expect(text(events[0]?.PayloadChunk?.Payload)).toBe('waiting');
    expect(events.at(-1)?.InvokeComplete?.ErrorCode).toBe('Sandbox.Timedout');
    expect(buffered.FunctionError).toBe('Unhandled');
    expect(JSON.parse(text(buffered.Payload))).toMatchObject({ errorType: 'Sandbox.Timedout' });
  });

  it('returns a buffered result with the tail of its log', async () => {
    // Act
    const result = await emulator.client.send(
      new InvokeCommand({
        FunctionName: 'EchoFn',
        Payload: Buffer.from('{"n":1}'),
        LogType: 'Tail',
      }),
    );

    // Assert
    expect(JSON.parse(text(result.Payload))).toEqual({ n: 1 });
    const log = Buffer.from(result.LogResult ?? '', 'base64').toString();
    expect(log).toContain(`START RequestId: ${result.$metadata.requestId}`);
    expect(log).toContain('REPORT RequestId:');
  });

  it('streams the same events to boto3 invoke_with_response_stream', async () => {
    // Arrange
    const script = [
      'import boto3, json',
      `client = boto3.client("lambda", endpoint_url="${emulator.lambda.endpoint}")`,
      'response = client.invoke_with_response_stream(FunctionName="FailFn")',
      'events = []',
      'for event in response["EventStream"]:',
      '    if "PayloadChunk" in event: events.append(["chunk", event["PayloadChunk"]["Payload"].decode()])',
      '    if "InvokeComplete" in event: events.append(["complete", event["InvokeComplete"]])',
      'print(json.dumps({"status": response["StatusCode"], "events": events}))',
    ].join('\n');

    // Act
    const boto = await runProcess('python3', ['-c', script], {
      env: awsEnv(emulator.lambda.credentials, emulator.lambda.region),
    });

    // Assert
    expect(boto.stderr).toBe('');
    expect(JSON.parse(boto.stdout.toString())).toEqual({
      status: 200,
      events: [
        ['chunk', 'partial '],
        ['complete', { ErrorCode: 'Error', ErrorDetails: 'midstream failure' }],
      ],
    });
  });
});
