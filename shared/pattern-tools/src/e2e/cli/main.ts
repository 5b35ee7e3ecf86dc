import { spawn } from 'node:child_process';
import { relative } from 'node:path';
import { E2eSetupError } from '../errors.js';
import { clearObservations, mergeObservations } from '../observations.js';
import { checkAwsAccess } from '../preflight.js';
import { parseE2eArgs, USAGE, UsageError } from './args.js';
import { planRun, type RunPlan } from './plan.js';

/**
 * `lambda-e2e`, behind `npm run test:e2e`: checks AWS access first (so that a run without
 * credentials stops at once, before any build), then runs the tests with the target and stack
 * names in the environment, and finally merges what AWS was observed to do into one report.
 *
 * @param argv - The arguments after `--`.
 * @param cwd - The folder it runs in: the repository root or a pattern folder.
 * @returns The exit code: 0 passed, 1 failed or could not reach the target, 2 usage.
 * @example
 * ```ts
 * process.exitCode = await main(['--target', 'aws']);
 * ```
 */
export async function main(argv: readonly string[], cwd = process.cwd()): Promise<number> {
  try {
    const args = parseE2eArgs(argv);
    if (args.help) {
      console.log(USAGE);
      return 0;
    }
    const plan = planRun(args, cwd, process.env);
    if (plan.target === 'aws') return await runAgainstAws(plan, cwd);
    return await runCommand(plan, cwd);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\nRun with --help for usage.`);
      return 2;
    }
    if (error instanceof E2eSetupError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

async function runAgainstAws(plan: RunPlan, cwd: string): Promise<number> {
  await checkAwsAccess();
  if (plan.nested) return runCommand(plan, cwd);
  await clearObservations(plan.repoRoot, plan.patterns);
  const code = await runCommand(plan, cwd);
  const report = await mergeObservations(plan.repoRoot);
  if (report) {
    console.log(`\nWhat AWS did where its behaviour is unconfirmed: ${relative(cwd, report)}`);
  }
  return code;
}

function runCommand(plan: RunPlan, cwd: string): Promise<number> {
  const [command = '', ...args] = plan.command;
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...plan.env },
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
