#!/usr/bin/env -S npx tsx
/**
 * Scaffolds patterns/<slug>/ from scripts/pattern-template/ with the standard file set, next in
 * workshop order, and links it from the previous pattern's Next section and the root README.
 * Usage: npm run new:pattern -- <slug> [--title "Title of the pattern"]
 * Exit codes: 0 created, 1 refused (bad or taken slug, bad arguments) or failed; nothing is left
 * half-written.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { planPattern, ScaffoldError } from './pattern-scaffold.js';
import { writePattern } from './write-pattern.js';

const USAGE = 'Usage: npm run new:pattern -- <slug> [--title "Title of the pattern"]';
const root = dirname(dirname(fileURLToPath(import.meta.url)));

try {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { title: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (positionals.length !== 1) throw new ScaffoldError(`Give exactly one slug.\n${USAGE}`);
  const plan = await planPattern(root, positionals[0] ?? '', values.title);
  const changed = writePattern(root, plan);
  const { slug, order } = plan.manifest;
  console.log(
    `Created patterns/${slug}/ (workshop order ${order}); updated ${changed.slice(1).join(', ')}.`,
  );
  console.log('Next: npm install (links the new workspace and records it in package-lock.json),');
  console.log(`then npm test, and make patterns/${slug} teach what its README promises.`);
} catch (error) {
  const known =
    error instanceof ScaffoldError ||
    String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');
  console.error(known ? (error as Error).message : error);
  process.exit(1);
}
