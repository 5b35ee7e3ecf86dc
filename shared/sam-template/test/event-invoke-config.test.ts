import { describe, expect, it } from 'vitest';
import { bareFunctionTemplate, parse } from './helpers.js';

const FUNCTION = `
CodeUri: dist/fn/
Handler: fn.handler
Runtime: nodejs22.x`;

describe('EventInvokeConfig', () => {
  it('reads SAM’s property on the function, with the OnFailure destination as written', () => {
    const template = parse(
      bareFunctionTemplate(`${FUNCTION}
EventInvokeConfig:
  MaximumEventAgeInSeconds: 120
  MaximumRetryAttempts: 0
  DestinationConfig:
    OnFailure:
      Type: SQS
      Destination: !GetAtt Table.StreamArn`),
    );
    expect(template.functions[0]?.eventInvokeConfig).toEqual({
      maximumEventAgeInSeconds: 120,
      maximumRetryAttempts: 0,
      onFailure: '!GetAtt Table.StreamArn',
    });
  });

  it('reads an AWS::Lambda::EventInvokeConfig resource that names the function with !Ref', () => {
    const text = `${bareFunctionTemplate(FUNCTION)}
  FnAsync:
    Type: AWS::Lambda::EventInvokeConfig
    Properties:
      FunctionName: !Ref Fn
      Qualifier: $LATEST
      MaximumRetryAttempts: 1
      DestinationConfig:
        OnFailure:
          Destination: arn:aws:sqs:us-east-1:123456789012:failed`;
    expect(parse(text).functions[0]?.eventInvokeConfig).toEqual({
      maximumRetryAttempts: 1,
      onFailure: 'arn:aws:sqs:us-east-1:123456789012:failed',
    });
  });

  it('leaves a function without settings without the member (Lambda’s defaults apply)', () => {
    expect(parse(bareFunctionTemplate(FUNCTION)).functions[0]).not.toHaveProperty(
      'eventInvokeConfig',
    );
  });

  it('refuses values outside Lambda’s bounds, naming the property', () => {
    const text = bareFunctionTemplate(`${FUNCTION}
EventInvokeConfig:
  MaximumRetryAttempts: 5`);
    expect(() => parse(text)).toThrow(
      /EventInvokeConfig\.MaximumRetryAttempts: must be an integer from 0 to 2, got 5/,
    );
  });
});
