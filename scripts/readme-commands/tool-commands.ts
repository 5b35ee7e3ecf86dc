/** The commands with sub-commands and options of their own: npm, local-lambda and aws. */
import { type Analysis, flagProblems, type Session, target } from './session.js';
import { findWorkspace, listWorkspaces, type Workspace } from './workspaces.js';

let workspaces: Workspace[] | undefined;

/** `npm ci`, `npm start`, `npm test`, `npm run X [-w W] [-- args]`. */
export function npmCommand(words: readonly string[], session: Session): Analysis {
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
        ['node', 'shared/pattern-tools/bin/lambda-e2e.js', '--help'],
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

/** `local-lambda start ...`, through npx or node. */
export function localLambda(args: readonly string[], session: Session): Analysis {
  const problems = flagProblems(session.root, args.slice(1), [
    ['node', 'shared/local-lambda/bin/local-lambda.js', 'start', '--help'],
  ]);
  if (args[0] !== 'start') return { kind: 'runs-locally', reason: 'local-lambda', problems };
  const placeholder = args.some((arg) => arg.startsWith('path/to/'));
  return placeholder
    ? { kind: 'illustrative', reason: 'a template path to fill in', problems }
    : { kind: 'starts-emulator', reason: 'local-lambda start', problems };
}

/** `aws <service> <operation> ...`. */
export function awsCommand(args: readonly string[], session: Session): Analysis {
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

/** `npx turbo run <task ...> [--filter=<workspace>[...]]`: the tasks and workspaces must exist. */
export function turboCommand(args: readonly string[], session: Session): Analysis {
  workspaces ??= listWorkspaces(session.root);
  const problems = flagProblems(session.root, args.slice(1), [['npx', 'turbo', 'run', '--help']]);
  if (args[0] !== 'run') problems.push(`turbo ${args[0]}: only turbo run is checked`);
  const tasks = args.slice(1).filter((arg) => !arg.startsWith('-'));
  const scripts = new Set(workspaces.flatMap((workspace) => Object.keys(workspace.scripts)));
  problems.push(
    ...tasks
      .filter((task) => !scripts.has(task))
      .map((task) => `no workspace has a script "${task}"`),
  );
  for (const arg of args) {
    const filter = /^--filter=(.+)$/.exec(arg)?.[1]?.replace(/\^?\.\.\.$/, '');
    if (filter !== undefined && findWorkspace(workspaces, filter) === undefined)
      problems.push(`no workspace ${filter}`);
  }
  return {
    kind: 'not-run-here',
    reason: `turbo run ${tasks.join(' ')}: builds or tests`,
    problems,
  };
}
