import { parseArgs } from 'node:util';
import type { LocalCredentials } from '../defaults.js';
import type { StartLocalLambdaOptions } from '../start/start-options.js';

/** An invalid command line: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** What the command line asks for. */
export type CliCommand =
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'start'; options: StartLocalLambdaOptions };

const OPTIONS = {
  template: { type: 'string', short: 't', multiple: true },
  host: { type: 'string' },
  port: { type: 'string', short: 'p' },
  'url-port-base': { type: 'string' },
  'rest-api-port-base': { type: 'string' },
  region: { type: 'string' },
  'access-key-id': { type: 'string' },
  'secret-access-key': { type: 'string' },
  'session-token': { type: 'string' },
  'max-concurrency': { type: 'string' },
  'no-bandwidth-limit': { type: 'boolean' },
  'max-response-size': { type: 'string' },
  'parameter-overrides': { type: 'string', multiple: true },
  'runtime-client': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type Values = ReturnType<typeof parse>['values'];

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: OPTIONS,
    allowPositionals: true,
    strict: true,
    tokens: true,
  });
}

/**
 * Reads `local-lambda` arguments with `node:util` `parseArgs`.
 *
 * @param argv - Arguments after the program name.
 * @returns The command and its options.
 * @throws {@link UsageError} for anything invalid.
 * @example
 * ```ts
 * parseCommandLine(['start', '--port', '0']); // { command: 'start', options: { port: 0, … } }
 * ```
 */
export function parseCommandLine(argv: readonly string[]): CliCommand {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const { commands, overrides } = splitPositionals(parsed.tokens ?? []);
  if (commands.length === 0) throw new UsageError('Missing command: start');
  if (commands[0] !== 'start') throw new UsageError(`Unknown command: ${commands[0]}`);
  if (commands.length > 1) throw new UsageError(`Unexpected argument: ${commands[1]}`);
  return { command: 'start', options: startOptions(values, overrides) };
}

/** `--parameter-overrides A=1 B=2`: the values after the first are positionals here. */
function splitPositionals(tokens: NonNullable<ReturnType<typeof parse>['tokens']>) {
  const commands: string[] = [];
  const overrides: string[] = [];
  let afterOverrides = false;
  for (const token of tokens) {
    if (token.kind === 'option') {
      afterOverrides = token.name === 'parameter-overrides';
      if (afterOverrides && token.value !== undefined) overrides.push(token.value);
    } else if (token.kind === 'positional') {
      if (afterOverrides && token.value.includes('=')) overrides.push(token.value);
      else commands.push(token.value);
    }
  }
  return { commands, overrides };
}

function startOptions(values: Values, overrides: string[]): StartLocalLambdaOptions {
  const options: StartLocalLambdaOptions = { templates: values.template ?? ['template.yaml'] };
  if (values.host !== undefined) options.host = values.host;
  if (values.port !== undefined) options.port = readInteger('--port', values.port, 0, 65535);
  if (values['url-port-base'] !== undefined) {
    options.urlPortBase = readInteger('--url-port-base', values['url-port-base'], 0, 65535);
  }
  const restBase = values['rest-api-port-base'];
  if (restBase !== undefined) {
    options.restApiPortBase = readInteger('--rest-api-port-base', restBase, 0, 65535);
  }
  if (values.region !== undefined) options.region = values.region;
  const credentials = readCredentials(values);
  if (credentials) options.credentials = credentials;
  if (values['max-concurrency'] !== undefined) {
    options.maxConcurrency = readInteger('--max-concurrency', values['max-concurrency'], 1, 1000);
  }
  if (values['no-bandwidth-limit']) options.bandwidthLimit = false;
  if (values['max-response-size'] !== undefined) {
    const size = values['max-response-size'];
    options.maxResponseSize = readInteger('--max-response-size', size, 1, Number.MAX_SAFE_INTEGER);
  }
  if (overrides.length > 0) options.parameterOverrides = readOverrides(overrides);
  const client = values['runtime-client'];
  if (client !== undefined) options.runtimeClient = readRuntimeClient(client);
  return options;
}

/** `local` (this package's runtime) or `official` (the aws-lambda-ric npm package). */
function readRuntimeClient(text: string): 'local' | 'official' {
  if (text === 'local' || text === 'official') return text;
  throw new UsageError(`--runtime-client must be local or official, got '${text}'`);
}

function readInteger(option: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (/^\d+$/.test(text) && value >= min && value <= max) return value;
  throw new UsageError(`${option} must be an integer from ${min} to ${max}, got '${text}'`);
}

function readCredentials(values: Values): LocalCredentials | undefined {
  const accessKeyId = values['access-key-id'];
  const secretAccessKey = values['secret-access-key'];
  const sessionToken = values['session-token'];
  if (accessKeyId === undefined && secretAccessKey === undefined) {
    if (sessionToken !== undefined)
      throw new UsageError('--session-token needs --access-key-id and --secret-access-key');
    return undefined;
  }
  if (!accessKeyId || !secretAccessKey) {
    throw new UsageError('--access-key-id and --secret-access-key go together');
  }
  return sessionToken === undefined
    ? { accessKeyId, secretAccessKey }
    : { accessKeyId, secretAccessKey, sessionToken };
}

/** `K=V`, several per argument separated by spaces, or SAM's `ParameterKey=K,ParameterValue=V`. */
function readOverrides(args: string[]): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const item of args.flatMap((arg) => arg.split(/\s+/)).filter(Boolean)) {
    const sam = /^ParameterKey=([^,]+),ParameterValue=(.*)$/.exec(item);
    const equals = item.indexOf('=');
    if (sam) overrides[sam[1] as string] = sam[2] as string;
    else if (equals > 0) overrides[item.slice(0, equals)] = item.slice(equals + 1);
    else throw new UsageError(`--parameter-overrides takes KEY=VALUE, got '${item}'`);
  }
  return overrides;
}
