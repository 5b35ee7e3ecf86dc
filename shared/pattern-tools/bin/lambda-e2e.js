#!/usr/bin/env node
// The patterns' end-to-end runner (`npm run test:e2e`). It runs from its TypeScript source
// through tsx, so that it works before anything is built: `--target aws` without credentials
// stops at once, even on a fresh clone. Usage: lambda-e2e --help.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../src/e2e/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
