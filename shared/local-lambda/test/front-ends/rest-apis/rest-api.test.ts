import { describe, expect, it } from 'vitest';
import { curl } from '../../fixtures/frontend/url-servers.js';
import { useRestFixture } from './rest-api-fixture.js';

const rest = useRestFixture();

const json = (body: Buffer) => JSON.parse(body.toString('utf8'));
const MISSING = { message: 'Missing Authentication Token' };

describe('REST APIs: what start serves', () => {
  it('serves each API on its own port with the stages SAM creates, and reports the routes', () => {
    // Arrange
    const { restApis, warnings } = rest.fixture.lambda;

    // Act
    const names = restApis.map((api) => api.name);
    const report = rest.fixture.api('ReportApi');
    const implicit = rest.fixture.api('ServerlessRestApi');

    // Assert
    expect(names).toEqual(['ReportApi', 'ServerlessRestApi']);
    expect(report.stages).toEqual(['prod', 'Stage']);
    expect(implicit.stages).toEqual(['Prod', 'Stage']);
    expect(report.port).not.toBe(implicit.port);
    expect(report.routes).toContainEqual({
      method: 'GET',
      path: '/report',
      functionName: 'ReportFn',
      transferMode: 'STREAM',
      auth: 'AWS_IAM',
    });
    expect(warnings.join('\n')).toMatch(
      /GET \/pool uses Cognito authorizer Pool, which local-lambda does not emulate/,
    );
  });
});

describe('REST APIs: the dashboard', () => {
  it("lists each function's REST routes in its config", async () => {
    // Act
    const response = await fetch(`${rest.fixture.lambda.endpoint}/dashboard/config.json`);
    const config = (await response.json()) as { functions: { name: string; routes: unknown[] }[] };

    // Assert
    const report = config.functions.find((fn) => fn.name === 'ReportFn');
    expect(report?.routes).toContainEqual({
      functionName: 'ReportFn',
      api: 'ReportApi',
      method: 'GET',
      url: `${rest.prod}/report`,
      transferMode: 'STREAM',
      auth: 'AWS_IAM',
    });
  });
});

describe('REST APIs: routing', () => {
  it('routes literal before {param} before {proxy+}, and a method before ANY', async () => {
    // Act
    const literal = await curl([`${rest.prod}/items/special`]);
    const param = await curl([`${rest.prod}/items/42`]);
    const any = await curl(['-X', 'DELETE', `${rest.prod}/items/42`]);
    const proxy = await curl([`${rest.prod}/files/a/b%20c/d.txt`]);

    // Assert
    expect(json(literal.body)).toMatchObject({ resource: '/items/special', pathParameters: null });
    expect(json(param.body)).toMatchObject({
      resource: '/items/{id}',
      httpMethod: 'GET',
      pathParameters: { id: '42' },
    });
    expect(json(any.body)).toMatchObject({ resource: '/items/{id}', httpMethod: 'DELETE' });
    expect(json(proxy.body)).toMatchObject({
      resource: '/files/{proxy+}',
      pathParameters: { proxy: 'a/b c/d.txt' },
    });
  });

  it('answers 403 Missing Authentication Token for an unknown path, a {proxy+} parent and a wrong stage', async () => {
    // Act
    const results = await Promise.all([
      curl([`${rest.prod}/nowhere`]),
      curl([`${rest.prod}/files`]),
      curl([`${rest.fixture.api('ReportApi').url}/Prod/items/42`]),
      curl([`${rest.fixture.api('ReportApi').url}/`]),
    ]);

    // Assert
    for (const result of results) {
      expect(result.status).toBe(403);
      expect(json(result.body)).toEqual(MISSING);
      expect(result.headers.get('x-amzn-errortype')).toEqual([
        'MissingAuthenticationTokenException',
      ]);
      expect(result.headers.get('x-amzn-requestid')?.[0]).toMatch(/^[0-9a-f-]{36}$/);
      expect(result.headers.get('x-amz-apigw-id')?.[0]).toMatch(/^\S{15}=$/);
    }
  });

  it('serves the implicit API on its Prod and Stage stages', async () => {
    // Arrange
    const [prodStage, extraStage] = rest.fixture.api('ServerlessRestApi').stageUrls;

    // Act
    const signed = await curl([...rest.fixture.signArgs(), `${prodStage}/hello`]);
    const viaStage = await curl([...rest.fixture.signArgs(), `${extraStage}/hello`]);

    // Assert
    expect(json(signed.body)).toMatchObject({
      requestContext: { stage: 'Prod', path: '/Prod/hello' },
    });
    expect(json(viaStage.body)).toMatchObject({ requestContext: { stage: 'Stage' } });
  });
});

describe('REST APIs: the proxy event (payload format 1.0)', () => {
  it('carries every field of format 1.0, with the last value in the single-value maps', async () => {
    // Act
    const result = await curl([
      '-H',
      'X-Tag: a',
      '-H',
      'X-Tag: b',
      `${rest.prod}/items/7?q=1&q=2&x=y`,
    ]);

    // Assert
    const event = json(result.body);
    expect(event).toMatchObject({
      resource: '/items/{id}',
      path: '/items/7',
      httpMethod: 'GET',
      queryStringParameters: { q: '2', x: 'y' },
      multiValueQueryStringParameters: { q: ['1', '2'], x: ['y'] },
      pathParameters: { id: '7' },
      stageVariables: null,
      body: null,
      isBase64Encoded: false,
    });
    expect(event.headers['X-Tag']).toBe('b');
    expect(event.multiValueHeaders['X-Tag']).toEqual(['a', 'b']);
    expect(event.headers['X-Forwarded-Proto']).toBe('http');
    expect(event.requestContext).toMatchObject({
      resourcePath: '/items/{id}',
      httpMethod: 'GET',
      stage: 'prod',
      path: '/prod/items/7',
      accountId: '123456789012',
      protocol: 'HTTP/1.1',
      identity: { accessKey: null, userArn: null, sourceIp: '127.0.0.1' },
    });
    expect(event.requestContext.requestId).toBe(result.headers.get('x-amzn-requestid')?.[0]);
    expect(event.requestContext.requestTimeEpoch).toBeGreaterThan(0);
    expect(event.requestContext.apiId).toMatch(/^[0-9a-z]{10}$/);
  });

  it('base64-encodes a body whose Content-Type is a binary media type, and not others', async () => {
    // Act
    const binary = await curl([
      '-X',
      'POST',
      '-H',
      'content-type: image/png',
      '--data-binary',
      'PNG!',
      `${rest.prod}/items/1`,
    ]);
    const text = await curl([
      '-X',
      'POST',
      '-H',
      'content-type: text/plain',
      '--data-binary',
      'hi',
      `${rest.prod}/items/1`,
    ]);

    // Assert
    expect(json(binary.body)).toMatchObject({
      body: Buffer.from('PNG!').toString('base64'),
      isBase64Encoded: true,
    });
    expect(json(text.body)).toMatchObject({ body: 'hi', isBase64Encoded: false });
  });
});

describe('REST APIs: AWS_IAM', () => {
  it('accepts curl --aws-sigv4 for execute-api, drops the Authorization header and names the caller', async () => {
    // Act
    const result = await curl([...rest.fixture.signArgs(), `${rest.prod}/signed`]);

    // Assert
    expect(result.status).toBe(200);
    const event = json(result.body);
    expect(event.headers.Authorization).toBeUndefined();
    expect(event.headers['X-Amz-Date']).toMatch(/^\d{8}T\d{6}Z$/);
    expect(event.requestContext.identity).toMatchObject({
      accessKey: rest.fixture.lambda.credentials.accessKeyId,
      accountId: '123456789012',
      userArn: 'arn:aws:iam::123456789012:user/local-lambda',
    });
  });

  it('answers an unsigned request with Missing Authentication Token and a lambda-scoped one with InvalidSignatureException', async () => {
    // Arrange
    const { credentials, region } = rest.fixture.lambda;
    const lambdaScoped = [
      '--aws-sigv4',
      `aws:amz:${region}:lambda`,
      '--user',
      `${credentials.accessKeyId}:${credentials.secretAccessKey}`,
    ];

    // Act
    const unsigned = await curl([`${rest.prod}/signed`]);
    const wrongService = await curl([...lambdaScoped, `${rest.prod}/signed`]);

    // Assert
    expect(unsigned.status).toBe(403);
    expect(json(unsigned.body)).toEqual(MISSING);
    expect(wrongService.status).toBe(403);
    expect(wrongService.headers.get('x-amzn-errortype')).toEqual(['InvalidSignatureException']);
    expect(json(wrongService.body).message).toMatch(/execute-api/);
  });

  it('refuses a route behind an authorizer it does not emulate with 500, never open', async () => {
    // Act
    const result = await curl([...rest.fixture.signArgs(), `${rest.prod}/pool`]);

    // Assert
    expect(result.status).toBe(500);
    expect(result.headers.get('x-amzn-errortype')).toEqual(['AuthorizerConfigurationException']);
    expect(result.headers.get('x-local-lambda-reason')?.[0]).toMatch(/Cognito authorizer Pool/);
  });
});
