/**
 * `npm run bench`: runs every scenario of the benchmark issue against its baseline, writes
 * bench/results/latest.{json,md} and ttfb-write-chunks.svg, regenerates the README's performance
 * section and prints the targets. Never part of `npm test`.
 * Usage: npm run bench [-- --quick | --only ttfbModes,throughput | --cpu-prof DIR | --report-only]
 * Exit codes: 0 done (targets met or not: see the table); 1 a scenario failed; 2 usage error.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { type BenchContext, keepAliveAgent } from './context.js';
import { emulatorNodeArgs } from './lib/emulator.js';
import { textTable } from './lib/format.js';
import { RESULTS, ROOT } from './lib/paths.js';
import { startPlainServer } from './lib/plain-server.js';
import { renderLatestMarkdown } from './report/latest-md.js';
import { RESULT_FILES, writeResults } from './report/write-results.js';
import type { BenchResults, ScenarioResults } from './results.js';
import { runScenarios, SCENARIO_NAMES } from './run-scenarios.js';
import { evaluateTargets } from './targets.js';

const USAGE = `Usage: npm run bench [-- options]
  --quick          fewer runs (rough figures; prints, writes no files)
  --only A,B       only these scenarios (prints, writes no files): ${SCENARIO_NAMES.join(', ')}
  --cpu-prof DIR   write a CPU profile of every emulator process into DIR
  --report-only    rewrite latest.md, the chart and the README section from latest.json`;

interface CliOptions {
  quick: boolean;
  only: string[] | undefined;
  cpuProf: string | undefined;
  reportOnly: boolean;
  help: boolean;
}

function readOptions(): CliOptions {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      'cpu-prof': { type: 'string' },
      'report-only': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const only = values.only?.split(',').map((name) => name.trim());
  const unknown = only?.filter((name) => !SCENARIO_NAMES.includes(name)) ?? [];
  if (unknown.length > 0) throw new TypeError(`Unknown scenario: ${unknown.join(', ')}`);
  return {
    quick: values.quick,
    only,
    cpuProf: values['cpu-prof'],
    reportOnly: values['report-only'],
    help: values.help,
  };
}

async function main(): Promise<number> {
  let options: CliOptions;
  try {
    options = readOptions();
  } catch (error) {
    return print(`${(error as Error).message}\n\n${USAGE}`, 2);
  }
  if (options.help) return print(USAGE, 0);
  if (options.reportOnly) {
    const results = JSON.parse(readFileSync(join(RESULTS, RESULT_FILES.json), 'utf8'));
    const written = writeResults(results as BenchResults);
    return print(`Rewrote ${written.map((path) => relative(ROOT, path)).join(', ')}`, 0);
  }
  if (options.cpuProf) emulatorNodeArgs.push('--cpu-prof', `--cpu-prof-dir=${options.cpuProf}`);
  const results = await run(options.quick, options.only);
  // A partial or quick run prints its tables and leaves the published figures alone.
  if (options.quick || options.only) return print(renderLatestMarkdown(results), 0);
  const written = writeResults(results);
  const rows = results.targets.map((t) => [t.target, t.measured, t.met ? 'yes' : 'NO']);
  console.log(`\n${textTable(['Target', 'Measured', 'Met'], rows)}`);
  console.log(`\nWrote ${written.map((path) => relative(ROOT, path)).join(', ')}`);
  return 0;
}

async function run(quick: boolean, only: string[] | undefined): Promise<BenchResults> {
  const started = performance.now();
  const machineAtStart = machine();
  const plain = await startPlainServer();
  const ctx: BenchContext = { plain, agent: keepAliveAgent(), quick, log: (m) => console.log(m) };
  let scenarios: ScenarioResults;
  try {
    scenarios = await runScenarios(ctx, only);
  } finally {
    ctx.agent.destroy();
    await plain.stop();
  }
  return {
    schemaVersion: 1,
    generatedAt: new Date().toISOString(),
    quick,
    durationSeconds: (performance.now() - started) / 1000,
    machine: machineAtStart,
    scenarios,
    targets: evaluateTargets(scenarios),
  };
}

function machine(): BenchResults['machine'] {
  const cores = cpus();
  return {
    cpus: cores.length,
    cpuModel: cores[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown',
    memoryGB: Math.round(totalmem() / 1e9),
    node: process.version,
    platform: `${platform()} ${release()}`,
    loadAverage: loadavg()[0] ?? 0,
  };
}

function print(text: string, code: number): number {
  (code === 0 ? console.log : console.error)(text);
  return code;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`bench: ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 1;
  },
);
