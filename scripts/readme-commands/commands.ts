/**
 * What each command of a README line is (its kind) and what is wrong with it: scripts and
 * workspaces that do not exist, files that are not there, options its `--help` does not list.
 */
import { join, normalize } from 'node:path';
import { helpFlags } from './help-flags.js';
import { type Analysis, fileProblems, flagProblems, type Session, target } from './session.js';
import type { ShellCommand } from './shell-words.js';
import { awsCommand, localLambda, npmCommand, turboCommand } from './tool-commands.js';

export type { Analysis, Session } from './session.js';

const PLAIN_TOOLS = ['sha256sum', 'rm', 'gunzip', 'head', 'tail', 'cat', 'date', 'python3', 'ls'];
const CURL_LIKE = ['curl', 'scripts/curl-sigv4', 'scripts/ttfb'];

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
  if (name === 'npx' && args[0] === 'turbo') return turboCommand(args.slice(1), session);
  if (name === 'node' && args[0] === 'shared/local-lambda/bin/local-lambda.js') {
    const analysis = localLambda(args.slice(1), session);
    return { ...analysis, problems: [...fileProblems(session, args[0]), ...analysis.problems] };
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
  if (['bundle-functions', 'lint-template', 'lambda-e2e'].includes(name)) {
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
