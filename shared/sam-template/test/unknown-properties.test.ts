import { describe, expect, it } from 'vitest';
import { SAM_FUNCTION_PROPERTIES, SAM_GLOBAL_FUNCTION_PROPERTIES } from '../src/index.js';
import { closestName } from '../src/unknown-properties.js';
import { functionTemplate, parse } from './helpers.js';

const FILE = 'patterns/demo/template.yaml';

describe('unknown function properties', () => {
  it('warns about a misspelt property, naming file, resource, property and the closest name', () => {
    // Arrange
    const text = functionTemplate('FunctionUrlConfg:\n  AuthType: NONE');

    // Act
    const template = parse(text);

    // Assert
    expect(template.warnings).toEqual([
      `${FILE}: Resources.Fn.Properties.FunctionUrlConfg: not a property of AWS::Serverless::Function (closest known property: FunctionUrlConfig); it is ignored`,
    ]);
    expect(template.functions[0]?.functionUrl).toBeUndefined();
  });

  it('warns about an unknown property in Globals.Function', () => {
    // Arrange
    const text = functionTemplate('', 'Globals:\n  Function:\n    Timout: 30');

    // Act
    const template = parse(text);

    // Assert
    expect(template.warnings).toEqual([
      `${FILE}: Globals.Function.Timout: not a property of Globals.Function (closest known property: Timeout); it is ignored`,
    ]);
  });

  it('warns about a function property that SAM refuses in Globals.Function', () => {
    // Arrange
    const text = functionTemplate('', 'Globals:\n  Function:\n    Role: arn:aws:iam::1:role/r');

    // Act
    const template = parse(text);

    // Assert
    expect(template.warnings).toEqual([
      `${FILE}: Globals.Function.Role: SAM does not accept it in Globals.Function (set it on each function); it is ignored`,
    ]);
  });

  it('accepts every property SAM knows, on a function and in Globals', () => {
    // Arrange: each known name with a harmless value, none of which the reader interprets.
    const interpreted = ['Architectures', 'CodeUri', 'Description', 'Environment', 'Handler'];
    const extra = (names: readonly string[]) =>
      names
        .filter((name) => !interpreted.includes(name))
        .filter((name) => !['EventInvokeConfig', 'FunctionUrlConfig'].includes(name))
        .filter((name) => !['ImageUri', 'InlineCode'].includes(name))
        .filter((name) => !['MemorySize', 'PackageType', 'Runtime', 'Timeout'].includes(name))
        .map((name) => `${name}: x`);
    const globals = `Globals:\n  Function:\n${extra(SAM_GLOBAL_FUNCTION_PROPERTIES)
      .map((line) => `    ${line}`)
      .join('\n')}`;

    // Act
    const template = parse(functionTemplate(extra(SAM_FUNCTION_PROPERTIES).join('\n'), globals));

    // Assert
    expect(template.warnings).toEqual([]);
    expect(SAM_FUNCTION_PROPERTIES).toContain('FunctionUrlConfig');
    expect(SAM_GLOBAL_FUNCTION_PROPERTIES).toContain('FunctionUrlConfig');
    expect(SAM_GLOBAL_FUNCTION_PROPERTIES).not.toContain('Events');
  });

  it.each([
    ['FunctionUrlConfg', 'FunctionUrlConfig'],
    ['handler', 'Handler'],
    ['MemorySise', 'MemorySize'],
    ['Enviroment', 'Environment'],
  ])('finds %s closest to %s', (name, expected) => {
    // Act
    const closest = closestName(name, SAM_FUNCTION_PROPERTIES);

    // Assert
    expect(closest).toBe(expected);
  });
});
