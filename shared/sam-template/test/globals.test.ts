import { describe, expect, it } from 'vitest';
import { mergeGlobals } from '../src/index.js';
import { parse } from './helpers.js';

const TEMPLATE = `
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: nodejs22.x
    Architectures: [arm64]
    Timeout: 10
    MemorySize: 256
    Environment:
      Variables:
        STAGE: dev
        SHARED: from-globals
    FunctionUrlConfig:
      AuthType: AWS_IAM
Resources:
  Plain:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: dist/plain/
      Handler: plain.handler
  Custom:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: dist/custom/
      Handler: custom.handler
      Timeout: 30
      Environment:
        Variables:
          SHARED: from-function
          OWN: yes
      FunctionUrlConfig:
        InvokeMode: RESPONSE_STREAM
`;

describe('Globals.Function', () => {
  it('applies global properties to a function that does not set them', () => {
    // Arrange
    const text = TEMPLATE;

    // Act
    const [plain] = parse(text).functions;

    // Assert
    expect(plain).toMatchObject({
      runtime: 'nodejs22.x',
      architectures: ['arm64'],
      timeout: 10,
      memorySize: 256,
      environment: { STAGE: 'dev', SHARED: 'from-globals' },
      functionUrl: { authType: 'AWS_IAM', invokeMode: 'BUFFERED' },
    });
  });

  it('lets function values win and merges maps key by key', () => {
    // Arrange
    const text = TEMPLATE;

    // Act
    const [, custom] = parse(text).functions;

    // Assert
    expect(custom?.timeout).toBe(30);
    expect(custom?.environment).toEqual({ STAGE: 'dev', SHARED: 'from-function', OWN: 'yes' });
    expect(custom?.functionUrl).toEqual({ authType: 'AWS_IAM', invokeMode: 'RESPONSE_STREAM' });
  });

  it('uses SAM defaults when neither the function nor Globals set a value', () => {
    // Arrange
    const text = TEMPLATE.replace(
      / {4}(Timeout: 10|MemorySize: 256|Architectures: \[arm64\])\n/g,
      '',
    );

    // Act
    const [plain] = parse(text).functions;

    // Assert
    expect(plain).toMatchObject({ timeout: 3, memorySize: 128, architectures: ['x86_64'] });
  });

  it('concatenates lists and treats intrinsics as plain values, like the SAM translator', () => {
    // Arrange
    const globals = { Layers: ['a'], Tracing: { Ref: 'Mode' }, Tags: { A: '1' } };
    const local = { Layers: ['b'], Tracing: 'Active', Tags: { 'Fn::If': ['C', {}, {}] } };

    // Act
    const merged = mergeGlobals(globals, local);

    // Assert
    expect(merged).toEqual({
      Layers: ['a', 'b'],
      Tracing: 'Active',
      Tags: { 'Fn::If': ['C', {}, {}] },
    });
  });
});
