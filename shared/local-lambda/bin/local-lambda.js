#!/usr/bin/env node
// The `local-lambda` command: runs the compiled CLI (dist/cli/main.js).
// Usage: local-lambda start [--template FILE ...] [options]   (see --help)
// Exit codes: 0 stopped or help shown; 1 could not start; 2 invalid options.
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write(
    'local-lambda is not built: run `npm run build -w @lambda-streaming/local-lambda` ' +
      '(or `npx turbo run build`) first.\n',
  );
  process.exit(1);
}
const { runCli } = await import(main.href);
runCli();
