#!/usr/bin/env -S npx tsx
/**
 * Regenerates the Patterns table of the root README.md from patterns/<slug>/pattern.json.
 * Usage: npx tsx scripts/build-catalog.ts [--check]
 * Exit codes: 0 written (or, with --check, up to date), 1 out of date or invalid manifests.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderCatalog, replaceCatalog } from './catalog.js';
import { readPatternCatalog } from './patterns.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const readmePath = join(root, 'README.md');
const { patterns, problems } = readPatternCatalog(root);
if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
const current = readFileSync(readmePath, 'utf8');
const next = replaceCatalog(current, renderCatalog(patterns));
if (process.argv.includes('--check')) {
  if (next !== current) {
    console.error('README.md Patterns table is out of date: run npm run catalog');
    process.exit(1);
  }
  console.log('README.md Patterns table is up to date');
} else {
  // Write beside and rename, so an interrupted run never leaves a half-written README.
  writeFileSync(`${readmePath}.tmp`, next);
  renameSync(`${readmePath}.tmp`, readmePath);
  console.log(`README.md Patterns table: ${patterns.length} patterns`);
}
