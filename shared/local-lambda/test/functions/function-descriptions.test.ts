import type { SamFunction, SamTemplate } from '@lambda-streaming/sam-template';
import { TemplateError } from '@lambda-streaming/sam-template';
import { describe, expect, it } from 'vitest';
import { describeFunctions, servedDefinitions } from '../../src/functions/function-descriptions.js';

function definition(logicalId: string, overrides: Partial<SamFunction> = {}): SamFunction {
  return {
    logicalId,
    templatePath: '/tmp/template.yaml',
    handler: 'index.handler',
    codeUri: '/tmp/code',
    runtime: 'nodejs22.x',
    architectures: ['arm64'],
    timeout: 3,
    memorySize: 128,
    environment: {},
    ...overrides,
  };
}

describe('function descriptions', () => {
  it('refuses a runtime other than Node.js before anything is bound, naming file and property', () => {
    // Arrange
    const template: SamTemplate = {
      path: '/tmp/template.yaml',
      dir: '/tmp',
      parameters: {},
      functions: [definition('Py', { runtime: 'python3.12' })],
      restApis: [],
      outputs: {},
      warnings: [],
    };

    // Act
    const refuse = () => servedDefinitions([template]);

    // Assert
    expect(refuse).toThrow(TemplateError);
    expect(refuse).toThrow(/Resources\.Py\.Properties\.Runtime.*python3\.12/);
  });

  it('describes each function once, with its ARN and bound URL, and freezes the description', () => {
    // Arrange
    const cors = {
      allowCredentials: false,
      allowHeaders: [],
      allowMethods: ['GET'],
      allowOrigins: ['*'],
      exposeHeaders: [],
      maxAge: 0,
    };
    const functionUrl = { authType: 'AWS_IAM' as const, invokeMode: 'BUFFERED' as const, cors };
    const definitions = [definition('WithUrl', { functionUrl }), definition('Plain')];
    const urls = new Map([['WithUrl', { url: 'http://127.0.0.1:3001/', port: 3001 }]]);

    // Act
    const [withUrl, plain] = describeFunctions(definitions, urls, {
      region: 'eu-west-1',
      accountId: '123456789012',
    });

    // Assert
    expect(withUrl?.arn).toBe('arn:aws:lambda:eu-west-1:123456789012:function:WithUrl');
    expect(withUrl?.url).toEqual({
      url: 'http://127.0.0.1:3001/',
      port: 3001,
      authType: 'AWS_IAM',
      invokeMode: 'BUFFERED',
      cors,
    });
    expect(plain?.url).toBeUndefined();
    expect(Object.isFrozen(withUrl)).toBe(true);
    expect(Object.isFrozen(withUrl?.url)).toBe(true);
  });
});
