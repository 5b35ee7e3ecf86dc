import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError } from '../../src/cli/cli-options.js';

describe('local-lambda command line', () => {
  it('defaults to ./template.yaml and reads every option of start', () => {
    // Act
    const parsed = parseCommandLine([
      'start',
      ...['--template', 'a.yaml', '-t', 'b.yaml', '--host', '0.0.0.0', '--port', '0'],
      ...['--url-port-base', '4001', '--region', 'eu-west-1', '--max-concurrency', '3'],
      ...['--rest-api-port-base', '4100'],
      ...['--access-key-id', 'AK', '--secret-access-key', 'SK', '--session-token', 'TOK'],
      ...['--no-bandwidth-limit', '--max-response-size', '1048576'],
      ...['--runtime-client', 'official'],
    ]);

    // Assert
    expect(parseCommandLine(['start'])).toEqual({
      command: 'start',
      options: { templates: ['template.yaml'] },
    });
    expect(parsed).toEqual({
      command: 'start',
      options: {
        templates: ['a.yaml', 'b.yaml'],
        host: '0.0.0.0',
        port: 0,
        urlPortBase: 4001,
        restApiPortBase: 4100,
        region: 'eu-west-1',
        maxConcurrency: 3,
        credentials: { accessKeyId: 'AK', secretAccessKey: 'SK', sessionToken: 'TOK' },
        bandwidthLimit: false,
        maxResponseSize: 1048576,
        runtimeClient: 'official',
      },
    });
  });

  it('reads parameter overrides given one by one, several at once, or in SAM’s long form', () => {
    // Act
    const parsed = parseCommandLine([
      'start',
      ...['--parameter-overrides', 'A=1', 'B=2=two', '--parameter-overrides', 'C=3 D=4'],
      ...['--parameter-overrides', 'ParameterKey=E,ParameterValue=5'],
    ]);

    // Assert
    expect(parsed.command === 'start' && parsed.options.parameterOverrides).toEqual({
      A: '1',
      B: '2=two',
      C: '3',
      D: '4',
      E: '5',
    });
  });

  it.each([
    [['start', '--port', 'abc'], "--port must be an integer from 0 to 65535, got 'abc'"],
    [['start', '--port', '70000'], '--port must be an integer'],
    [['start', '--max-concurrency', '0'], '--max-concurrency must be an integer from 1'],
    [['start', '--bogus'], "Unknown option '--bogus'"],
    [['start', '--access-key-id', 'AK'], '--access-key-id and --secret-access-key go together'],
    [['start', '--session-token', 'T'], '--session-token needs'],
    [['start', 'extra'], 'Unexpected argument: extra'],
    [['stop'], 'Unknown command: stop'],
    [[], 'Missing command: start'],
    [['start', '--parameter-overrides', 'novalue'], "takes KEY=VALUE, got 'novalue'"],
    [['start', '--runtime-client', 'rie'], "--runtime-client must be local or official, got 'rie'"],
  ])('refuses %j', (argv, message) => {
    // Act
    const parse = () => parseCommandLine(argv);

    // Assert
    expect(parse).toThrow(UsageError);
    expect(parse).toThrow(message);
  });

  it('answers --help and --version before anything else', () => {
    // Act & Assert
    expect(parseCommandLine(['start', '--help'])).toEqual({ command: 'help' });
    expect(parseCommandLine(['-v'])).toEqual({ command: 'version' });
  });
});
