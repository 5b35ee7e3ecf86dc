#!/usr/bin/env node
// Runs cfn-lint on SAM templates and fails on any finding: see src/cli/lint-template.ts.
import { main } from '../dist/cli/lint-template.js';

process.exitCode = await main(process.argv.slice(2));
