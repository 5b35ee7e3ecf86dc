#!/usr/bin/env -S npx tsx
/**
 * Checks every patterns/<slug>/pattern.json against scripts/pattern.schema.json, the folder
 * name, the files it names and the workshop order.
 * Usage: npx tsx scripts/validate-patterns.ts
 * Exit codes: 0 all valid, 1 problems found (each printed on its own line).
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPatternCatalog } from './patterns.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const { patterns, problems } = readPatternCatalog(root);
for (const problem of problems) console.error(problem);
if (problems.length > 0) process.exit(1);
console.log(`${patterns.length} pattern manifests are valid`);
