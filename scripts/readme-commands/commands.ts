/**
 * What each command of a README line is (its kind) and what is wrong with it: scripts and
 * workspaces that do not exist, files that are not there, options its `--help` does not list.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { helpFlags, unknownFlags } from './help-flags.js';
import type { Kind } from './kinds.js';
import type { ShellCommand } from './shell-words.js';
import { findWorkspace, listWorkspaces, type Workspace } from './workspaces.js';

/** What the lines before have set up, per README (a reader's terminal). */
export interface Session {
  root: string;
  /** Working directory relative to the root. */
  cwd: string;
  /** Shell functions defined so far. */
  functions: Set<string>;
  /** Variables whose value needs AWS (`URL=$(aws cloudformation ...)`). */
  awsVariables: Set<string>;
  /** Files written by earlier lines (`> event.json`, `-o guide.pdf`). */
  files: Set<string>;
  /** The folder the README's `git clone` creates. */
  cloned?: string;
}

/** A command's kind, why, and its problems. */
export interface Analysis {
  kind: Kind;
  reason: string;
  problems: string[];
}

const LOCAL_URL = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/;
const PLAIN_TOOLS = ['sha256sum', 'rm', 'gunzip', 'head', 'tail', 'cat', 'date', 'python3', 'ls'];
const CURL_LIKE = ['curl', 'scripts/curl-sigv4', 'scripts/ttfb'];

let workspaces: Workspace[] | undefined;

/** Where a command's requests go: the emulator, AWS, or nowhere. */
function target(words: readonly string[], session: Session): Kind | undefined {
  const variables = [...session.awsVariables].map((name) => new RegExp(`\\$\\{?${name}\\b`));
  if (words.some((word) => /<[\w -]+>|\.on\.aws\b/.test(word) && /:\/\//.test(word)))
    return 'needs-aws';
  if (words.some((word) => variables.some((variable) => variable.test(word)))) return 'needs-aws';
  if (words.some((word) => LOCAL_URL.test(word))) return 'needs-emulator';
  return undefined;
}

function flagProblems(root: string, args: readonly string[], helps: readonly string[][]): string[] {
  const known = new Set<string>();
  for (const help of helps) {
    const flags = helpFlags(root, help);
    if (flags === undefined) return [`cannot read the options of ${help.join(' ')}`];
    for (const flag of flags) known.add(flag);
  }
  const unknown = unknownFlags(args, known);
  return unknown.length === 0 ? [] : [`${unknown.join(', ')} not in \`${helps[0]?.join(' ')}\``];
}

function fileProblems(session: Session, file: string, executable = false): string[] {
  const path = join(session.root, session.cwd, file);
  if (!existsSync(path)) return [`${normalize(join(session.cwd, file))} does not exist`];
  if (!executable || statSync(path).isDirectory()) return [];
  try {
    accessSync(path, constants.X_OK);
    return [];
  } catch {
    return [`${file} is not executable`];
  }
}

function npmCommand(words: readonly string[], session: Session): Analysis {
  workspaces ??= listWorkspaces(session.root);
  const dash = words.indexOf('--');
  const own = dash === -1 ? words.slice(1) : words.slice(1, dash);
  const passed = dash === -1 ? [] : words.slice(dash + 1);
  const sub = own[0] ?? '';
  if (sub === 'ci' || sub === 'install') {
    return { kind: 'prerequisite', reason: `npm ${sub}: the checkout is installed`, problems: [] };
  }
  const script = sub === 'run' ? (own[1] ?? '') : sub;
  const workspaceIndex = own.findIndex((word) => word === '-w' || word === '--workspace');
  const spec = workspaceIndex === -1 ? undefined : own[workspaceIndex + 1];
  const workspace = spec === undefined ? workspaces[0] : findWorkspace(workspaces, spec);
  if (workspace === undefined)
    return { kind: 'not-run-here', reason: 'npm', problems: [`no workspace ${spec}`] };
  const problems =
    script in workspace.scripts ? [] : [`${workspace.dir}/package.json has no script "${script}"`];
  if (script === 'start' && workspace.dir === '.') {
    return { kind: 'starts-emulator', reason: 'npm start', problems };
  }
  if (script === 'invoke' && workspace.dir === 'patterns/sdk-invoke') {
    problems.push(
      ...flagProblems(session.root, passed, [
        ['npx', 'tsx', 'patterns/sdk-invoke/client/invoke.ts', '--help'],
      ]),
    );
    if (passed.includes('--help') || passed.includes('-h'))
      return { kind: 'runs-locally', reason: 'its help', problems };
    const kind = target(passed, session) ?? 'needs-aws';
    return {
      kind,
      reason: kind === 'needs-aws' ? 'invokes the deployed stack' : 'invokes the emulator',
      problems,
    };
  }
  if (script === 'test:e2e') {
    problems.push(
      ...flagProblems(session.root, passed, [
        ['node', 'shared/testing/bin/lambda-e2e.js', '--help'],
      ]),
    );
    const aws = passed.join(' ').includes('--target aws');
    return {
      kind: aws ? 'needs-aws' : 'not-run-here',
      reason: aws ? 'the deployed stacks' : 'end-to-end tests: npm test runs them',
      problems,
    };
  }
  const shown = sub === 'run' ? `npm run ${script}` : `npm ${script}`;
  return { kind: 'not-run-here', reason: `${shown}: builds, tests or rewrites files`, problems };
}

function localLambda(args: readonly string[], session: Session): Analysis {
  const problems = flagProblems(session.root, args.slice(1), [
    ['node', 'shared/local-lambda/bin/local-lambda.js', 'start', '--help'],
  ]);
  if (args[0] !== 'start') return { kind: 'runs-locally', reason: 'local-lambda', problems };
  const placeholder = args.some((arg) => arg.startsWith('path/to/'));
  return placeholder
    ? { kind: 'illustrative', reason: 'a template path to fill in', problems }
    : { kind: 'starts-emulator', reason: 'local-lambda start', problems };
}

/**
 * Analyses one command.
 *
 * @param command - From `parseLine`.
 * @param session - What earlier lines of the README set up (updated for `cd`, files, clones).
 * @returns Its kind and problems, or undefined when the checker does not know the command.
 * @example
 * ```ts
 * analyzeCommand({ assignments: {}, words: ['npm', 'test'], writes: [] }, session)?.kind; // 'not-run-here'
 * ```
 */
export function analyzeCommand(command: ShellCommand, session: Session): Analysis | undefined {
  const [name = '', ...args] = command.words;
  for (const file of command.writes) session.files.add(file);
  if (name === '' || name === 'export' || name === 'unset') {
    const values = [...Object.values(command.assignments), ...args];
    const aws = values.some((value) => /<[\w -]+>/.test(value));
    return {
      kind: aws ? 'needs-aws' : 'setup',
      reason: aws ? 'a value to fill in from AWS' : 'environment',
      problems: [],
    };
  }
  if (name === 'git' && args[0] === 'clone') {
    session.cloned = args[2];
    return { kind: 'prerequisite', reason: 'the clone the test runs in', problems: [] };
  }
  if (name === 'cd') {
    const dir = args[0] ?? '';
    if (dir === session.cloned)
      return { kind: 'prerequisite', reason: 'into the clone', problems: [] };
    const problems = fileProblems(session, dir);
    if (problems.length === 0) session.cwd = normalize(join(session.cwd, dir));
    return { kind: 'setup', reason: 'working directory', problems };
  }
  if (name === 'npm') return npmCommand(command.words, session);
  if (name === 'npx' && args[0] === 'local-lambda') return localLambda(args.slice(1), session);
  if (name === 'node' && args[0] === 'shared/local-lambda/bin/local-lambda.js') {
    return {
      ...localLambda(args.slice(1), session),
      problems: [
        ...fileProblems(session, args[0]),
        ...localLambda(args.slice(1), session).problems,
      ],
    };
  }
  if (name === 'node' && args[0] === '-e')
    return { kind: 'runs-locally', reason: 'node -e', problems: [] };
  if (CURL_LIKE.includes(name)) {
    const helps =
      name === 'curl'
        ? [['curl', '--help', 'all']]
        : [[name, '--help'], ...(name.endsWith('curl-sigv4') ? [['curl', '--help', 'all']] : [])];
    const problems = [
      ...(name.includes('/') ? fileProblems(session, name, true) : []),
      ...flagProblems(session.root, args, helps),
    ];
    const outputIndex = args.findIndex((arg) => arg === '-o' || arg === '--output');
    if (outputIndex !== -1) session.files.add(args[outputIndex + 1] ?? '');
    // -O / -J name the file after the response: any file may exist after it.
    if (args.some((arg) => /^-[A-Za-z]*[OJ]/.test(arg))) session.files.add('*');
    const kind = target(args, session);
    if (kind === undefined) problems.push('names no URL');
    return {
      kind: kind ?? 'illustrative',
      reason: `${name} to ${kind === 'needs-aws' ? 'AWS' : 'the emulator'}`,
      problems,
    };
  }
  if (name === 'aws') return awsCommand(args, session);
  if (name === 'sam') {
    const help = helpFlags(session.root, ['sam', args[0] ?? '', '--help']);
    const problems =
      help === undefined
        ? []
        : flagProblems(session.root, args.slice(1), [['sam', args[0] ?? '', '--help']]);
    const note = help === undefined ? ' (sam is not installed here: options not checked)' : '';
    return { kind: 'needs-aws', reason: `sam ${args[0]}${note}`, problems };
  }
  if (['bundle-functions', 'lint-template'].includes(name)) {
    const problems = flagProblems(session.root, args, [[`node_modules/.bin/${name}`, '--help']]);
    const synopsis = args.some((arg) => /^\[.*\]$|\.\.\./.test(arg));
    return {
      kind: synopsis ? 'illustrative' : 'not-run-here',
      reason: synopsis ? 'usage synopsis' : name,
      problems,
    };
  }
  if (session.functions.has(name))
    return { kind: 'runs-locally', reason: `${name} (defined above)`, problems: [] };
  if (name === 'echo') return { kind: 'runs-locally', reason: 'echo', problems: [] };
  if (PLAIN_TOOLS.includes(name)) {
    const inputs =
      name === 'rm' || name === 'sha256sum' ? args.filter((arg) => !arg.startsWith('-')) : [];
    const created = (file: string) => session.files.has(file) || session.files.has('*');
    const missing = inputs.filter(
      (file) => !created(file) && fileProblems(session, file).length > 0,
    );
    return {
      kind: 'runs-locally',
      reason: name,
      problems: [
        ...flagProblems(session.root, args, [[name, '--help']]),
        ...missing.map((file) => `${file} is not created by an earlier line`),
      ],
    };
  }
  return undefined;
}

function awsCommand(args: readonly string[], session: Session): Analysis {
  const [service = '', operation = '', ...rest] = args;
  const problems = flagProblems(session.root, rest, [['aws', service, operation, 'help']]);
  for (const arg of rest) {
    const file = /^fileb?:\/\/(.+)$/.exec(arg)?.[1];
    if (file !== undefined && !session.files.has(file))
      problems.push(`${file} is not created by an earlier line`);
  }
  const local = target(rest, session) === 'needs-emulator' && service === 'lambda';
  if (service === 'lambda' && operation === 'invoke')
    session.files.add(
      rest.find((arg) => !arg.startsWith('-') && !rest[rest.indexOf(arg) - 1]?.startsWith('--')) ??
        '',
    );
  return {
    kind: local ? 'needs-emulator' : 'needs-aws',
    reason: `aws ${service} ${operation}`,
    problems,
  };
}
