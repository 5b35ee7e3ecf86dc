/** Where things are in the repository, from this file. */
import { fileURLToPath } from 'node:url';

const at = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/** The repository root. */
export const ROOT = at('../../../');
/** The benchmark's fixtures: templates, handlers, the plain server. */
export const FIXTURES = at('../fixtures/');
/** The local-lambda command. */
export const LOCAL_LAMBDA_CLI = at('../../../shared/local-lambda/bin/local-lambda.js');
/** Where results are written. */
export const RESULTS = at('../../../bench/results/');
/** The README whose performance section the benchmark writes. */
export const README = at('../../../README.md');
