import { describe, expect, it } from 'vitest';
import { TemplateError } from '../src/index.js';
import { parse } from './helpers.js';

/** A template with one function `ReportFn` (its `Events` as given) and extra resources. */
function withEvents(events: string, resources = '', globals = ''): string {
  return `Transform: AWS::Serverless-2016-10-31
${globals}
Resources:
${resources}
  ReportFn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      CodeUri: dist/report/
      Handler: report.handler
      Events:
${events}`;
}

const REPORT_API = `  ReportApi:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      BinaryMediaTypes: ['image~1png', 'application~1octet-stream']
      Auth:
        DefaultAuthorizer: AWS_IAM`;

describe('REST APIs from Api events', () => {
  it('reads an explicit API with its stages, binary types, streaming route, timeout and IAM auth', () => {
    // Arrange
    const text = withEvents(
      `        Stream:
          Type: Api
          Properties:
            RestApiId: !Ref ReportApi
            Path: /report/stream
            Method: get
            ResponseTransferMode: RESPONSE_STREAM
            TimeoutInMillis: 300000
        Open:
          Type: Api
          Properties:
            RestApiId: !Ref ReportApi
            Path: /{proxy+}
            Method: any
            Auth:
              Authorizer: NONE`,
      REPORT_API,
    );

    // Act
    const [api, ...others] = parse(text).restApis;

    // Assert
    expect(others).toEqual([]);
    expect(api).toMatchObject({
      logicalId: 'ReportApi',
      implicit: false,
      stages: ['prod', 'Stage'],
      binaryMediaTypes: ['image/png', 'application/octet-stream'],
    });
    expect(api?.routes).toEqual([
      {
        path: '/report/stream',
        method: 'GET',
        functionName: 'ReportFn',
        transferMode: 'STREAM',
        timeoutInMillis: 300000,
        auth: { type: 'AWS_IAM', invokeRole: 'CALLER_CREDENTIALS' },
      },
      {
        path: '/{proxy+}',
        method: 'ANY',
        functionName: 'ReportFn',
        transferMode: 'BUFFERED',
        timeoutInMillis: 29000,
        auth: { type: 'NONE' },
      },
    ]);
  });

  it('creates the implicit ServerlessRestApi with stage Prod, and no Stage stage once OpenApiVersion is set', () => {
    // Arrange
    const events = `        Get:
          Type: Api
          Properties:
            Path: /hello
            Method: GET
            Auth:
              Authorizer: AWS_IAM
              InvokeRole: NONE`;

    // Act
    const [plain] = parse(withEvents(events)).restApis;
    const [versioned] = parse(
      withEvents(events, '', "Globals:\n  Api:\n    OpenApiVersion: '3.0'"),
    ).restApis;

    // Assert
    expect(plain).toMatchObject({
      logicalId: 'ServerlessRestApi',
      implicit: true,
      stages: ['Prod', 'Stage'],
    });
    expect(plain?.routes[0]?.auth).toEqual({ type: 'AWS_IAM', invokeRole: 'NONE' });
    expect(versioned?.stages).toEqual(['Prod']);
  });

  it('warns that STREAM (CloudFormation spelling) deploys a buffered route, as SAM does', () => {
    // Arrange
    const text = withEvents(`        Get:
          Type: Api
          Properties:
            Path: /hello
            Method: get
            ResponseTransferMode: STREAM`);

    // Act
    const template = parse(text);

    // Assert
    expect(template.restApis[0]?.routes[0]?.transferMode).toBe('BUFFERED');
    expect(template.warnings.join('\n')).toMatch(
      /ResponseTransferMode: SAM only knows RESPONSE_STREAM/,
    );
  });

  it('marks Cognito, Lambda authorizers and API keys as unsupported', () => {
    // Arrange
    const api = `  AuthApi:
    Type: AWS::Serverless::Api
    Properties:
      StageName: dev
      Auth:
        DefaultAuthorizer: Pool
        Authorizers:
          Pool:
            UserPoolArn: arn:aws:cognito-idp:us-east-1:123456789012:userpool/x`;
    const text = withEvents(
      `        A:
          Type: Api
          Properties: { RestApiId: !Ref AuthApi, Path: /a, Method: get }
        B:
          Type: Api
          Properties: { RestApiId: !Ref AuthApi, Path: /b, Method: get, Auth: { Authorizer: NONE, ApiKeyRequired: true } }`,
      api,
    );

    // Act
    const routes = parse(text).restApis[0]?.routes ?? [];

    // Assert
    expect(routes.map((route) => route.auth)).toEqual([
      { type: 'UNSUPPORTED', reason: 'Cognito authorizer Pool' },
      { type: 'UNSUPPORTED', reason: 'API keys (ApiKeyRequired)' },
    ]);
  });

  it('refuses a RestApiId that names no API, and a route defined twice', () => {
    // Arrange
    const missing = withEvents(`        A:
          Type: Api
          Properties: { RestApiId: !Ref Nowhere, Path: /a, Method: get }`);
    const twice = withEvents(`        A:
          Type: Api
          Properties: { Path: /a, Method: get }
        B:
          Type: Api
          Properties: { Path: /a, Method: GET }`);

    // Act / Assert
    expect(() => parse(missing)).toThrow(TemplateError);
    expect(() => parse(missing)).toThrow(/RestApiId: refers to Nowhere/);
    expect(() => parse(twice)).toThrow(/API method "get" defined multiple times for path "\/a"/);
  });
});

describe('REST APIs from a DefinitionBody', () => {
  const body = (mode: string, uri: string) => `  BodyApi:
    Type: AWS::Serverless::Api
    Properties:
      StageName: Prod
      OpenApiVersion: 3.0.1
      DefinitionBody:
        openapi: 3.0.1
        paths:
          /ask:
            post:
              security: [{ sigv4: [] }]
              x-amazon-apigateway-integration:
                type: aws_proxy
                httpMethod: POST
                ${mode}
                uri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/${uri}
        components:
          securitySchemes:
            sigv4: { type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4 }`;
  const event = `        Ask:
          Type: Api
          Properties: { RestApiId: !Ref BodyApi, Path: /other, Method: get }`;

  it('serves the routes of the body; events add none', () => {
    // Arrange
    const uri = `2021-11-15/functions/\${ReportFn.Arn}/response-streaming-invocations`;
    const text = withEvents(event, body('responseTransferMode: STREAM', uri));

    // Act
    const [api] = parse(text).restApis;

    // Assert
    expect(api?.stages).toEqual(['Prod']);
    expect(api?.routes).toEqual([
      {
        path: '/ask',
        method: 'POST',
        functionName: 'ReportFn',
        transferMode: 'STREAM',
        timeoutInMillis: 29000,
        auth: { type: 'AWS_IAM', invokeRole: 'CALLER_CREDENTIALS' },
      },
    ]);
  });

  it('refuses a transfer mode that disagrees with the integration URI', () => {
    // Arrange
    const uri = `2015-03-31/functions/\${ReportFn.Arn}/invocations`;
    const text = withEvents(event, body('responseTransferMode: STREAM', uri));

    // Act / Assert
    expect(() => parse(text)).toThrow(/responseTransferMode STREAM needs the 2021-11-15/);
  });
});
