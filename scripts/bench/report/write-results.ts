/** Writes latest.json, latest.md and the chart, and the README's section. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { README, RESULTS, ROOT } from '../lib/paths.js';
import { renderArrivalChart } from '../lib/svg-chart.js';
import type { BenchResults } from '../results.js';
import type { ModeFigures, TtfbModesResult } from '../scenarios/ttfb-streamed-vs-buffered.js';
import { renderLatestMarkdown } from './latest-md.js';
import { renderReadmeSection, replaceBenchSection } from './readme-section.js';

/** File names under bench/results/. */
export const RESULT_FILES = {
  json: 'latest.json',
  markdown: 'latest.md',
  chart: 'ttfb-write-chunks.svg',
};

/**
 * Writes the three result files, then the README section from the JSON just written.
 *
 * @param results - The run.
 * @param dir - Results folder (default bench/results/).
 * @returns The paths written.
 * @example
 * ```ts
 * writeResults(results);
 * ```
 */
export function writeResults(results: BenchResults, dir = RESULTS): string[] {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, RESULT_FILES.json);
  const markdown = join(dir, RESULT_FILES.markdown);
  writeFileSync(json, `${JSON.stringify(results, roundNumbers, 2)}\n`);
  formatJson(json);
  writeFileSync(markdown, renderLatestMarkdown(results));
  const written = [json, markdown];
  const modes = results.scenarios.ttfbModes;
  if (modes) {
    written.push(join(dir, RESULT_FILES.chart));
    writeFileSync(join(dir, RESULT_FILES.chart), ttfbChart(modes));
  }
  updateReadme(json);
  return [...written, README];
}

/** ttfb-write's typical streamed and buffered runs on one chart. */
function ttfbChart(modes: TtfbModesResult): string {
  const series = (mode: string, figures: ModeFigures, color: string) => ({
    label: `${mode}${figures.statusCode === 200 ? '' : ` (${figures.statusCode})`}: first byte at ${Math.round(figures.ttfb.p50)} ms (p50)`,
    color,
    chunks: figures.chartChunks,
  });
  return renderArrivalChart(
    [
      series('RESPONSE_STREAM URL', modes.streamed, '#ff9900'),
      series('Invoke, buffered', modes.buffered, '#5f6b7a'),
    ],
    { title: 'ttfb-write on local-lambda: when the bytes arrive' },
  );
}

/**
 * Regenerates the README's performance section from a latest.json.
 *
 * @param jsonPath - The results file.
 * @param readmePath - The README (default: the repository's).
 * @example
 * ```ts
 * updateReadme('bench/results/latest.json');
 * ```
 */
export function updateReadme(jsonPath: string, readmePath = README): void {
  const results = JSON.parse(readFileSync(jsonPath, 'utf8')) as BenchResults;
  const readme = readFileSync(readmePath, 'utf8');
  writeFileSync(readmePath, replaceBenchSection(readme, renderReadmeSection(results)));
}

/** Biome's layout (short arrays on one line), so that `npm run lint:fix` leaves the file alone. */
function formatJson(path: string): void {
  const biome = join(ROOT, 'node_modules/.bin/biome');
  const result = spawnSync(biome, ['format', '--write', path], { encoding: 'utf8' });
  if (result.status !== 0) console.warn(`biome could not format ${path}: ${result.stderr}`);
}

/** JSON replacer: three decimals are plenty for milliseconds and megabytes. */
function roundNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isInteger(value) ? Number(value.toFixed(3)) : value;
}
