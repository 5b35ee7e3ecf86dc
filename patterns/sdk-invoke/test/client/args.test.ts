import { describe, expect, it } from 'vitest';
import { parseInvokeArgs, USAGE, UsageError } from '../../client/args.js';

describe('sdk-invoke client arguments', () => {
  it('reads a demonstration and the options', () => {
    // Act
    const args = parseInvokeArgs(['timeout', '--stack', 'my-stack', '--function', 'fn']);

    // Assert
    expect(args).toEqual({
      target: 'timeout',
      stack: 'my-stack',
      endpoint: undefined,
      functionName: 'fn',
      help: false,
    });
  });

  it('accepts all with a local endpoint', () => {
    // Act
    const args = parseInvokeArgs(['all', '--endpoint', 'http://127.0.0.1:3000']);

    // Assert
    expect(args.target).toBe('all');
    expect(args.endpoint).toBe('http://127.0.0.1:3000');
  });

  it('answers --help without a demonstration', () => {
    // Act
    const args = parseInvokeArgs(['--help']);

    // Assert
    expect(args.help).toBe(true);
    expect(USAGE).toContain('<happy|midstream-error|timeout|all>');
  });

  it.each([
    [[], /Name one demonstration/],
    [['sad'], /Unknown demonstration "sad"/],
    [['happy', 'timeout'], /Name one demonstration/],
    [['happy', '--verbose'], /--verbose/],
    [['happy', '--endpoint', 'localhost'], /--endpoint needs a URL/],
    [['all', '--function', 'fn'], /--function names one function/],
  ])('rejects %j', (argv, message) => {
    // Act
    const parse = () => parseInvokeArgs(argv);

    // Assert
    expect(parse).toThrow(UsageError);
    expect(parse).toThrow(message);
  });
});
