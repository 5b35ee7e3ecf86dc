import {
  GetFunctionCommand,
  GetFunctionUrlConfigCommand,
  ListFunctionsCommand,
  ListFunctionUrlConfigsCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeService } from '../../fixtures/frontend/fake-service.js';
import { awsEnv, runProcess } from '../../fixtures/frontend/run-process.js';
import { CREDENTIALS, REGION, type RunningApi, startApi } from '../../fixtures/frontend/servers.js';

const cors = {
  allowCredentials: false,
  allowHeaders: ['content-type'],
  allowMethods: ['GET'],
  allowOrigins: ['https://example.com'],
  exposeHeaders: [],
  maxAge: 60,
};

describe('discovery through the Lambda API', () => {
  let api: RunningApi;
  beforeAll(async () => {
    const service = createFakeService([
      {
        name: 'Streamer',
        url: {
          url: 'http://127.0.0.1:3001/',
          authType: 'AWS_IAM',
          invokeMode: 'RESPONSE_STREAM',
          cors,
        },
        definition: {
          environment: { STAGE: 'local' },
          handler: 'app.handler',
          codeUri: '/srv/dist/streamer',
        },
      },
      { name: 'Plain' },
      { name: 'Third' },
    ]);
    api = await startApi(service);
  });
  afterAll(() => api.close());

  it('lists functions page by page with Marker and MaxItems', async () => {
    // Act
    const first = await api.client.send(new ListFunctionsCommand({ MaxItems: 2 }));
    const second = await api.client.send(
      new ListFunctionsCommand({ MaxItems: 2, Marker: first.NextMarker }),
    );

    // Assert
    expect(first.Functions?.map((fn) => fn.FunctionName)).toEqual(['Streamer', 'Plain']);
    expect(second.Functions?.map((fn) => fn.FunctionName)).toEqual(['Third']);
    expect(second.NextMarker).toBeUndefined();
  });

  it('describes a function with GetFunction, by name or ARN', async () => {
    // Act
    const byArn = await api.client.send(
      new GetFunctionCommand({
        FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:Streamer',
      }),
    );

    // Assert
    expect(byArn.Configuration).toMatchObject({
      FunctionName: 'Streamer',
      FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:Streamer',
      Runtime: 'nodejs22.x',
      Handler: 'app.handler',
      Timeout: 3,
      MemorySize: 128,
      Architectures: ['arm64'],
      Environment: { Variables: { STAGE: 'local' } },
      State: 'Active',
      Version: '$LATEST',
      PackageType: 'Zip',
    });
    expect(byArn.Code?.Location).toBe('file:///srv/dist/streamer/');
  });

  it('returns the URL configuration with GetFunctionUrlConfig and ListFunctionUrlConfigs', async () => {
    // Act
    const config = await api.client.send(
      new GetFunctionUrlConfigCommand({ FunctionName: 'Streamer' }),
    );
    const list = await api.client.send(
      new ListFunctionUrlConfigsCommand({ FunctionName: 'Streamer' }),
    );
    const none = await api.client.send(
      new ListFunctionUrlConfigsCommand({ FunctionName: 'Plain' }),
    );

    // Assert
    expect(config).toMatchObject({
      FunctionUrl: 'http://127.0.0.1:3001/',
      FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:Streamer',
      AuthType: 'AWS_IAM',
      InvokeMode: 'RESPONSE_STREAM',
      Cors: { AllowOrigins: ['https://example.com'], AllowMethods: ['GET'], MaxAge: 60 },
    });
    expect(config.CreationTime).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(list.FunctionUrlConfigs?.map((url) => url.FunctionUrl)).toEqual([
      'http://127.0.0.1:3001/',
    ]);
    expect(none.FunctionUrlConfigs).toEqual([]);
  });

  it('answers ResourceNotFoundException for the URL of a function without one', async () => {
    // Act
    const error = await api.client
      .send(new GetFunctionUrlConfigCommand({ FunctionName: 'Plain' }))
      .catch((e) => e);

    // Assert
    expect(error).toBeInstanceOf(ResourceNotFoundException);
  });

  it('lists the functions for the AWS CLI v1 and boto3', async () => {
    // Arrange
    const env = awsEnv(CREDENTIALS, REGION);
    const script = [
      'import boto3, json, sys',
      `client = boto3.client("lambda", endpoint_url="${api.endpoint}")`,
      'names = [f["FunctionName"] for f in client.list_functions()["Functions"]]',
      'url = client.get_function_url_config(FunctionName="Streamer")["FunctionUrl"]',
      'print(json.dumps({"names": names, "url": url}))',
    ].join('\n');

    // Act
    const [cli, boto] = await Promise.all([
      runProcess(
        'aws',
        ['lambda', 'list-functions', '--endpoint-url', api.endpoint, '--output', 'json'],
        { env },
      ),
      runProcess('python3', ['-c', script], { env }),
    ]);

    // Assert
    expect(cli.stderr).toBe('');
    expect(
      JSON.parse(cli.stdout.toString()).Functions.map(
        (fn: { FunctionName: string }) => fn.FunctionName,
      ),
    ).toEqual(['Streamer', 'Plain', 'Third']);
    expect(boto.stderr).toBe('');
    expect(JSON.parse(boto.stdout.toString())).toEqual({
      names: ['Streamer', 'Plain', 'Third'],
      url: 'http://127.0.0.1:3001/',
    });
  });

  it('answers a browser preflight from a loopback origin and exposes the Lambda headers', async () => {
    // Act
    const preflight = await fetch(`${api.endpoint}/2015-03-31/functions/Plain/invocations`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,x-amz-date',
      },
    });
    const foreign = await fetch(`${api.endpoint}/2015-03-31/functions/`, {
      headers: { origin: 'https://evil.example' },
    });
    const local = await fetch(`${api.endpoint}/2015-03-31/functions/`, {
      headers: { origin: 'http://127.0.0.1:8080' },
    });

    // Assert
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization,x-amz-date');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect(local.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:8080');
    expect(local.headers.get('access-control-expose-headers')).toContain('x-amz-function-error');
  });
});
