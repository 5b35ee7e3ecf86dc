#!/usr/bin/env -S npx tsx
/**
 * Checks every pattern: pattern.json against scripts/pattern.schema.json, the folder name, the
 * files it names and the workshop order; then the standard file set, the README's sections and
 * its Next links (scripts/pattern-standard.ts).
 * Usage: npm run validate:patterns
 * Exit codes: 0 all valid, 1 problems found (each printed on its own line).
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validatePatterns } from './patterns.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const { patterns, problems } = validatePatterns(root);
for (const problem of problems) console.error(problem);
if (problems.length > 0) process.exit(1);
console.log(`${patterns.length} patterns follow the standard`);
