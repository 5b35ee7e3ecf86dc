import type { IncomingMessage } from 'node:http';
import { fileURLToPath } from 'node:url';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalLambda } from '../../../src/start/start-local-lambda.js';
import type { LocalLambda } from '../../../src/start/start-options.js';
import { open, send } from '../http.js';

const TEMPLATE = fileURLToPath(new URL('../../fixtures/dashboard/template.yaml', import.meta.url));

/** Reads server-sent events until one matches, then stops listening. */
async function eventsUntil(stream: IncomingMessage, done: (data: string[]) => boolean) {
  const data: string[] = [];
  let text = '';
  for await (const chunk of stream) {
    text += String(chunk);
    const blocks = text.split('\n\n');
    text = blocks.pop() ?? '';
    for (const block of blocks) {
      const line = block.split('\n').find((part) => part.startsWith('data: '));
      if (line) data.push(line.slice('data: '.length));
    }
    if (done(data)) break;
  }
  stream.destroy();
  return data.map((json) => JSON.parse(json) as { functionName: string; message: string });
}

describe('dashboard routes on the API endpoint', () => {
  let lambda: LocalLambda;
  let client: LambdaClient;
  beforeAll(async () => {
    lambda = await startLocalLambda({ templates: [TEMPLATE], port: 0, logger: () => {} });
    const { endpoint, region, credentials } = lambda;
    client = new LambdaClient({ endpoint, region, credentials, maxAttempts: 1 });
  });
  afterAll(async () => {
    client.destroy();
    await lambda.close();
  });

  it('serves the page at the root, with a policy that allows its own files only', async () => {
    // Act
    const page = await send(`${lambda.endpoint}/`);
    const script = await send(`${lambda.endpoint}/dashboard/app.js`);

    // Assert
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).toContain('<script type="module" src="/dashboard/app.js">');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('gives the local credentials to a page opened on a loopback address', async () => {
    // Act
    const response = await send(`${lambda.endpoint}/dashboard/config.json`);

    // Assert
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({
      region: 'us-east-1',
      signing: { mode: 'sign', credentials: lambda.credentials },
      functions: [
        { name: 'HtmlFn', pattern: 'dashboard' },
        { name: 'RecordsFn', pattern: 'dashboard' },
        { name: 'LargeFn', pattern: 'dashboard' },
        { name: 'MidstreamFn', pattern: 'dashboard' },
        { name: 'StatusFn', pattern: 'dashboard' },
      ],
      bandwidth: { burstBytes: 6 * 1024 * 1024, bytesPerSecond: 2 * 1024 * 1024 },
    });
  });

  it('keeps the page read-only, without credentials, when Host names another machine', async () => {
    // Act
    const headers = { host: 'rebinding.attacker.example:3000' };
    const config = await send(`${lambda.endpoint}/dashboard/config.json`, { headers });
    const logs = await send(`${lambda.endpoint}/dashboard/logs`, { headers });

    // Assert
    expect(JSON.parse(config.body).signing).toEqual({
      mode: 'read-only',
      reason: 'the page was opened as rebinding.attacker.example:3000',
    });
    expect(config.body).not.toContain(lambda.credentials.secretAccessKey);
    expect(logs.status).toBe(403);
  });

  it('streams START, END, REPORT and the function output as server-sent events', async () => {
    // Arrange
    const stream = await open(`${lambda.endpoint}/dashboard/logs`);

    // Act
    await client.send(new InvokeCommand({ FunctionName: 'MidstreamFn' }));
    const lines = await eventsUntil(stream, (data) => data.some((d) => d.includes('REPORT')));

    // Assert
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const messages = lines.filter((l) => l.functionName === 'MidstreamFn').map((l) => l.message);
    expect(messages[0]).toMatch(/^START RequestId: /);
    expect(messages.some((m) => m.includes('This is a custom error mid-stream!'))).toBe(true);
    expect(messages.some((m) => m.startsWith('END RequestId: '))).toBe(true);
    expect(messages.at(-1)).toMatch(/^REPORT RequestId: /);
  });

  it('shows an Event invocation that is finally discarded, with why', async () => {
    // Arrange
    const stream = await open(`${lambda.endpoint}/dashboard/logs`);

    // Act
    const accepted = await client.send(
      new InvokeCommand({ FunctionName: 'MidstreamFn', InvocationType: 'Event' }),
    );
    const lines = await eventsUntil(stream, (data) => data.some((d) => d.includes('discarded')));

    // Assert
    const discarded = lines.find((line) => line.message.includes('discarded'));
    expect(accepted.StatusCode).toBe(202);
    expect(discarded?.message).toContain(
      `Event invocation ${accepted.$metadata.requestId} of MidstreamFn discarded (RetriesExhausted)`,
    );
    expect(discarded?.message).toContain('This is a custom error mid-stream!');
  });

  it('leaves every other path to the Lambda API, which asks for a signature', async () => {
    // Act
    const response = await send(`${lambda.endpoint}/dashboard/elsewhere`);

    // Assert
    expect(response.status).toBe(403);
    expect(response.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
  });
});
