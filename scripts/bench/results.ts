/** The shape of bench/results/latest.json: every scenario's figures, the targets, the machine. */
import type { BandwidthResult } from './scenarios/bandwidth.js';
import type { ColdWarmResult } from './scenarios/cold-warm.js';
import type { ConcurrencyResult } from './scenarios/concurrency.js';
import type { PathComparison } from './scenarios/emulator-overhead.js';
import type { MemoryResult } from './scenarios/memory.js';
import type { ThroughputResult } from './scenarios/throughput.js';
import type { TtfbModesResult } from './scenarios/ttfb-streamed-vs-buffered.js';

/** Each scenario's figures; a scenario left out with `--only` is absent. */
export interface ScenarioResults {
  ttfbModes?: TtfbModesResult;
  overhead?: PathComparison;
  throughput?: ThroughputResult;
  memory?: MemoryResult;
  bandwidth?: BandwidthResult;
  coldWarm?: ColdWarmResult;
  concurrency?: ConcurrencyResult;
}

/** One target of the issue, with the figure that decides it. */
export interface TargetResult {
  id: string;
  /** What is promised, in words. */
  target: string;
  /** The figure, in words. */
  measured: string;
  met: boolean;
}

/** The machine the figures come from. */
export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGB: number;
  node: string;
  platform: string;
  /** One-minute load average when the run started: other work on the machine adds noise. */
  loadAverage: number;
}

/** Everything one run wrote. */
export interface BenchResults {
  schemaVersion: 1;
  generatedAt: string;
  /** `--quick`: fewer runs; figures are rougher. */
  quick: boolean;
  durationSeconds: number;
  machine: MachineInfo;
  scenarios: ScenarioResults;
  targets: TargetResult[];
}
