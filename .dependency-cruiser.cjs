// The import rules of shared/: no cycles anywhere (type-only imports count), and the layers of
// local-lambda, whose data flows one way: front end -> invocation -> environment -> Runtime API.
// Run by `npm run lint:imports` (a turbo task of `npm test`); a violation fails it.
const LL = '^shared/local-lambda/src/';
const layer = (...folders) => `${LL}(${folders.join('|')})(/|[.]ts$)`;

/** Folders every part may use: values, function descriptions, logs, HTTP helpers, SigV4. */
const BASE = ['defaults', 'functions', 'logs', 'http', 'sigv4'];
/** What runs the emulator and what is built on top of it. */
const TOP = ['front-ends', 'dashboard', 'start', 'cli', 'index'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules that import each other (type-only imports included) cannot be read alone.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'base-imports-only-base',
      severity: 'error',
      comment:
        'defaults, functions, logs, http and sigv4 sit under everything: they import no layer.',
      from: { path: layer(...BASE) },
      to: { path: `${LL}`, pathNot: layer(...BASE) },
    },
    {
      name: 'runtime-api-is-the-bottom-layer',
      severity: 'error',
      comment: 'The Runtime API server reports up by returned promises, never by importing upward.',
      from: { path: layer('runtime-api') },
      to: { path: layer('environments', 'invocations', ...TOP) },
    },
    {
      name: 'environments-below-invocations',
      severity: 'error',
      comment: 'Environments run processes and know nothing of invocations or their callers.',
      from: { path: layer('environments') },
      to: { path: layer('invocations', ...TOP) },
    },
    {
      name: 'invocations-below-front-ends',
      severity: 'error',
      comment: 'Front ends may import invocations, never the reverse.',
      from: { path: layer('invocations') },
      to: { path: layer(...TOP) },
    },
    {
      name: 'front-ends-use-invocations-only',
      severity: 'error',
      comment: 'Front ends see invocations through contracts.ts; processes and RAPID stay hidden.',
      from: { path: layer('front-ends') },
      to: { path: layer('runtime-api', 'environments', 'dashboard', 'start', 'cli', 'index') },
    },
    {
      name: 'front-ends-are-independent',
      severity: 'error',
      comment: 'One front end never imports another: what they share lives in front-ends/ itself.',
      from: { path: `${LL}front-ends/([^/]+)/` },
      to: { path: `${LL}front-ends/[^/]+/`, pathNot: `${LL}front-ends/$1/` },
    },
    {
      name: 'dashboard-is-a-plug-in',
      severity: 'error',
      comment:
        'Only the startup wires the dashboard in; the servers expose hooks and never import it.',
      from: { path: LL, pathNot: layer('dashboard', 'start') },
      to: { path: layer('dashboard') },
    },
    {
      name: 'dashboard-server-above-front-ends',
      severity: 'error',
      comment:
        'The dashboard plugs into the front ends; it never reaches past them or into startup.',
      from: { path: `${LL}dashboard/server/` },
      to: { path: layer('runtime-api', 'environments', 'start', 'cli', 'index') },
    },
    {
      name: 'dashboard-browser-is-self-contained',
      severity: 'error',
      comment:
        'The page is bundled for the browser: it imports only its own modules and npm packages.',
      from: { path: `${LL}dashboard/browser/` },
      to: { path: LL, pathNot: `${LL}dashboard/browser/` },
    },
    {
      name: 'dashboard-browser-has-no-node',
      severity: 'error',
      comment: 'Node.js built-ins do not exist in the browser.',
      from: { path: `${LL}dashboard/browser/` },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'runtime-client-stands-alone',
      severity: 'error',
      comment: 'The runtime client runs inside the function process: nothing of the emulator side.',
      from: { path: `${LL}runtime-client/` },
      to: { path: LL, pathNot: `${LL}runtime-client/` },
    },
    {
      name: 'start-below-cli',
      severity: 'error',
      comment: 'The CLI starts the emulator; the emulator does not know its command line.',
      from: { path: layer('start', 'index') },
      to: { path: layer('cli') },
    },
  ],
  options: {
    // `import type` counts: a cycle of types is still a cycle a reader has to untangle.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|coverage|test-results)/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'types', 'node', 'default'],
      extensions: ['.ts', '.mts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
