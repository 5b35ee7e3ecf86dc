import { describe, expect, it } from 'vitest';
import { TemplateError } from '../src/index.js';
import { functionTemplate, parse, resolveInVariable } from './helpers.js';

const PARAMETERS = `
Parameters:
  Stage:
    Type: String
    Default: dev
    AllowedValues: [dev, prod]
  Size:
    Type: Number
    Default: 256
  Zones:
    Type: CommaDelimitedList
    Default: "a, b"
`;

describe('parameters', () => {
  it('resolves each parameter to its Default', () => {
    // Arrange
    const text = functionTemplate('', PARAMETERS);

    // Act
    const template = parse(text);

    // Assert
    expect(template.parameters).toEqual({ Stage: 'dev', Size: '256', Zones: 'a, b' });
  });

  it('lets parameterOverrides win over defaults and ignores undeclared names', () => {
    // Arrange
    const text = functionTemplate('MemorySize: !Ref Size', PARAMETERS);

    // Act
    const template = parse(text, {
      parameterOverrides: { Stage: 'prod', Size: '512', Other: 'x' },
    });

    // Assert
    expect(template.parameters).toEqual({ Stage: 'prod', Size: '512', Zones: 'a, b' });
    expect(template.functions[0]?.memorySize).toBe(512);
  });

  it('resolves a Ref to a list parameter to a list', () => {
    // Arrange
    const value = '!Join ["+", !Ref Zones]';

    // Act
    const result = resolveInVariable(value, PARAMETERS);

    // Assert
    expect(result).toBe('a+b');
  });

  it('rejects a parameter with no Default and no override, naming the parameter', () => {
    // Arrange
    const text = functionTemplate('', 'Parameters:\n  Secret:\n    Type: String');

    // Act
    const act = () => parse(text);

    // Assert
    expect(act).toThrow(TemplateError);
    expect(act).toThrow(
      'patterns/demo/template.yaml: Parameters.Secret: has no Default and no value was given',
    );
  });

  it('accepts an override for a parameter without a Default', () => {
    // Arrange
    const text = functionTemplate('', 'Parameters:\n  Secret:\n    Type: String');

    // Act
    const template = parse(text, { parameterOverrides: { Secret: 's3cr3t' } });

    // Assert
    expect(template.parameters.Secret).toBe('s3cr3t');
  });

  it.each([
    [{ Stage: 'test' }, 'Parameters.Stage: value "test" is not one of AllowedValues (dev, prod)'],
    [{ Size: 'big' }, 'Parameters.Size: value "big" is not a Number'],
  ])('rejects an override that breaks the declaration: %o', (overrides, message) => {
    // Arrange
    const text = functionTemplate('', PARAMETERS);

    // Act
    const act = () => parse(text, { parameterOverrides: overrides });

    // Assert
    expect(act).toThrow(message);
  });
});
