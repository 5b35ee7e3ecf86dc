/**
 * Build and check tools for the patterns: bundles each function of a SAM template with esbuild,
 * runs cfn-lint, checks that a template and its built bundles match and that it outputs each
 * function's name and URL.
 *
 * @example
 * ```ts
 * import { bundleFunctions, checkTemplateBundles } from '@lambda-streaming/pattern-tools';
 *
 * await bundleFunctions({ cwd: 'patterns/ttfb-write' });
 * const results = await checkTemplateBundles('patterns/ttfb-write/template.yaml');
 * console.log(results.flatMap((result) => result.problems));
 * ```
 *
 * @module
 */

// Handler parsing lives in sam-template, which checks handler files at load; re-exported here.
export {
  type HandlerParts,
  parseHandler,
  resolveHandlerFile,
} from '@lambda-streaming/sam-template';
export { type BundleOptions, type BundleOutput, bundleFunctions } from './bundle.js';
export { type PlannedBundle, type PlannedEntry, planBundles } from './bundle-plan.js';
export { checkTemplateBundles, type TemplateBundleCheck } from './check.js';
export { BundleError } from './errors.js';
export { type ExportInspection, inspectExport } from './inspect-export.js';
export { CFN_LINT_MISSING, type LintOptions, type LintResult, lintTemplates } from './lint.js';
export {
  esbuildNodeTarget,
  nodeMajor,
  templateNodeRuntime,
  templateTestEnvironment,
} from './node-runtime.js';
export { checkTemplateOutputs } from './outputs.js';
