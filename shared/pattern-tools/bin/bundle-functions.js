#!/usr/bin/env node
// Bundles the functions of a pattern's SAM template: see src/cli/bundle-functions.ts.
import { main } from '../dist/cli/bundle-functions.js';

process.exitCode = await main(process.argv.slice(2));
