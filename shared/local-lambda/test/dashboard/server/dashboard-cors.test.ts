import { fileURLToPath } from 'node:url';
import { callFunctionUrl } from '@lambda-streaming/streaming/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardUrlCors } from '../../../src/dashboard/server/dashboard-cors.js';
import { createFunctionUrlServer } from '../../../src/front-ends/function-urls/url-server.js';
import type { LogRecord } from '../../../src/logs/function-logs.js';
import { createSigV4Verifier } from '../../../src/sigv4/verify-sigv4.js';
import { startLocalLambda } from '../../../src/start/start-local-lambda.js';
import type { LocalLambda } from '../../../src/start/start-options.js';
import { createFakeService } from '../../fixtures/frontend/fake-service.js';
import { CREDENTIALS, closeServer, listen, REGION } from '../../fixtures/frontend/servers.js';
import { send } from '../http.js';

const TEMPLATE = fileURLToPath(new URL('../../fixtures/dashboard/template.yaml', import.meta.url));
const SIGNED_HEADERS = 'authorization,x-amz-content-sha256,x-amz-date';

/** The body's text up to where it broke off (this function fails after its fourth word). */
async function textUntilCut(body: AsyncIterable<Buffer>): Promise<string> {
  let text = '';
  try {
    for await (const chunk of body) text += chunk.toString();
  } catch {
    // The cut is the function's midstream error; the text so far is what is compared.
  }
  return text;
}

describe('function URLs without Cors, read by the dashboard page', () => {
  let lambda: LocalLambda;
  let url: string;
  const records: LogRecord[] = [];
  beforeAll(async () => {
    lambda = await startLocalLambda({
      templates: [TEMPLATE],
      port: 0,
      logger: (record) => records.push(record),
    });
    url = lambda.functions.find((fn) => fn.name === 'MidstreamFn')?.url ?? '';
  });
  afterAll(() => lambda.close());

  it("answers the dashboard's preflight without invoking the function", async () => {
    // Act
    const response = await send(url, {
      method: 'OPTIONS',
      headers: {
        origin: lambda.endpoint,
        'access-control-request-method': 'GET',
        'access-control-request-headers': SIGNED_HEADERS,
      },
    });

    // Assert
    expect(response.status).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(lambda.endpoint);
    expect(response.headers['access-control-allow-headers']).toBe(SIGNED_HEADERS);
    expect(records.filter((record) => record.message.startsWith('START'))).toHaveLength(0);
  });

  it('adds the CORS headers for the dashboard origin only, and changes nothing else', async () => {
    // Arrange
    const signing = { region: lambda.region, credentials: lambda.credentials };

    // Act
    // Each body is read as soon as its headers arrive: the function cuts its stream with an error
    // 400 ms in, and a body left unread until then can lose its tail to the cut.
    const dashboard = await callFunctionUrl(url, {
      ...signing,
      headers: { origin: lambda.endpoint },
    });
    const dashboardText = textUntilCut(dashboard.body);
    const other = await callFunctionUrl(url, {
      ...signing,
      headers: { origin: 'http://localhost:8080' },
    });
    const bodies = await Promise.all([dashboardText, textUntilCut(other.body)]);

    // Assert
    expect(dashboard.headers['access-control-allow-origin']).toBe(lambda.endpoint);
    expect(dashboard.headers['access-control-expose-headers']).toBe('*');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    expect(bodies).toEqual(['This function is streaming ', 'This function is streaming ']);
  });

  it('sends the preflight of any other origin on, as Lambda does (unsigned: 403)', async () => {
    // Act
    const response = await send(url, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:8080', 'access-control-request-method': 'GET' },
    });

    // Assert
    expect(response.status).toBe(403);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('a function URL with its own Cors configuration', () => {
  it('keeps its configuration for the dashboard origin too', async () => {
    // Arrange
    const cors = {
      allowCredentials: false,
      allowHeaders: ['content-type'],
      allowMethods: ['GET'],
      allowOrigins: ['https://app.example'],
      exposeHeaders: [],
      maxAge: 0,
    };
    const service = createFakeService([{ name: 'Fn', url: { authType: 'NONE', cors } }]);
    const fn = service.functions[0];
    if (!fn?.url) throw new Error('the fake function has no URL');
    const verify = createSigV4Verifier({ credentials: CREDENTIALS, region: REGION });
    const hooks = [dashboardUrlCors(['http://127.0.0.1:3000'])];
    const server = createFunctionUrlServer({ fn, service, verify, hooks });
    const base = await listen(server);

    // Act
    const response = await send(`${base}/`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:3000', 'access-control-request-method': 'GET' },
    });
    await closeServer(server);

    // Assert
    expect(response.status).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(service.invocations).toHaveLength(0);
  });
});
