/**
 * `npm run reliability`: the project's trial of local-lambda as someone trying to break it would
 * run it (issue 13). One emulator, started with its CLI, over the fixture functions; the parts
 * run one after another; the results go to bench/results/reliability.{md,json}. Never part of
 * `npm test`: it takes a few minutes.
 */
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../bench/lib/emulator.js';
import { closeConnections } from './lib/http.js';
import { type PartResult, runPart } from './lib/part.js';
import { describeMachine, writeReport } from './lib/report.js';
import { type AsyncFigures, asyncCases } from './parts/async-events.js';
import { badInputCases } from './parts/bad-input.js';
import { type ConcurrencyCounts, concurrencyCases } from './parts/concurrency.js';
import { fuzzCases } from './parts/fuzz.js';
import { faultCases } from './parts/handler-faults.js';
import { sigv4Cases } from './parts/sigv4-matrix.js';
import { soakCases } from './parts/soak.js';
import { findTargets } from './parts/targets.js';

const TEMPLATE = fileURLToPath(new URL('./fixtures/functions.yaml', import.meta.url));
const SOAK = Number(process.env.RELIABILITY_SOAK ?? 5000);
const FUZZ = Number(process.env.RELIABILITY_FUZZ ?? 2000);

async function main(): Promise<void> {
  const machine = describeMachine();
  const started = performance.now();
  const emulator = await startEmulator([TEMPLATE], ['--max-concurrency', '10']);
  const parts: PartResult[] = [];
  const log = (part: PartResult) => {
    parts.push(part);
    console.log(`${part.name}: ${part.asExpected}/${part.tried} as expected in ${part.seconds} s`);
    for (const line of part.unexpected) console.log(`  not as expected: ${line}`);
  };
  try {
    const targets = await findTargets(emulator);
    const pid = emulator.pid;
    log(await runPart('SigV4 matrix', sigv4Cases(targets), pid, 4));
    log(await runPart('Bad input', badInputCases(targets), pid, 2));
    const seen = new Map<string, string>();
    const faults = await runPart('Handler faults', faultCases(targets, seen), pid);
    faults.notes.push(
      `Error types reported: ${[...seen].map(([fault, type]) => `${fault} → ${type}`).join(', ')}`,
    );
    log(faults);
    const counts: ConcurrencyCounts = { ran: 0, throttled: 0 };
    const concurrency = await runPart(
      'Concurrency limits',
      concurrencyCases(targets, counts),
      pid,
      30,
    );
    concurrency.notes.push(
      `30 calls at once against a limit of 10: ${counts.ran} ran, ${counts.throttled} answered 429`,
    );
    if (counts.ran < 10) concurrency.unexpected.push(`only ${counts.ran} ran`);
    log(concurrency);
    const figures: AsyncFigures = { accepted: 0, ran: 0, discarded: 0, seconds: 0 };
    const events = await runPart('Async events', asyncCases(targets, figures), pid);
    events.notes.push(
      `${figures.accepted} accepted, ${figures.ran} ran, ${figures.discarded} discarded; first 202 to last REPORT ${figures.seconds} s (target: all run, about 35 s)`,
    );
    log(events);
    log(await runPart(`Soak (${SOAK} mixed invocations)`, soakCases(targets, SOAK), pid, 8));
    log(await runPart(`Fuzz (${FUZZ} mutated requests)`, fuzzCases(targets, FUZZ), pid, 8));
    log(await runPart('After everything: a good request', sigv4Cases(targets).slice(0, 1), pid));
  } finally {
    closeConnections();
    await emulator.stop();
  }
  const seconds = Math.round((performance.now() - started) / 1000);
  writeReport({ date: new Date().toISOString().slice(0, 10), machine, seconds, parts });
  console.log('Wrote bench/results/reliability.md and reliability.json');
}

await main();
