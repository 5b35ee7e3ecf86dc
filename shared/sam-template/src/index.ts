/**
 * Reads AWS SAM templates into typed function definitions: CloudFormation short-form tags,
 * Parameters, Conditions, Mappings, `Globals.Function` and the intrinsic functions that can be
 * resolved without a deployed stack.
 *
 * @example
 * ```ts
 * import { loadTemplate } from '@lambda-streaming/sam-template';
 *
 * const template = await loadTemplate('patterns/ttfb-write/template.yaml');
 * const [fn] = template.functions;
 * console.log(fn?.handler, fn?.codeUri, fn?.functionUrl?.invokeMode);
 * ```
 *
 * @module
 */
export { describeValue } from './describe.js';
export { parseTemplateDocument } from './document.js';
export { TemplateError } from './errors.js';
export { mergeGlobals } from './globals.js';
export { type HandlerParts, parseHandler, resolveHandlerFile } from './handler.js';
export { loadTemplate, loadTemplates } from './load.js';
export type { SamRestApi, SamRestAuth, SamRestRoute } from './rest-api-types.js';
export {
  SAM_FUNCTION_PROPERTIES,
  SAM_GLOBAL_FUNCTION_PROPERTIES,
} from './sam-function-properties.js';
export { cloudFormationTags, SHORT_FORM_TAGS } from './tags.js';
export { parseTemplate } from './template.js';
export type {
  Architecture,
  ParseTemplateOptions,
  SamCors,
  SamEventInvokeConfig,
  SamFunction,
  SamFunctionUrl,
  SamTemplate,
  TemplateOptions,
} from './types.js';
export { intrinsicName, isMap, type TemplateMap } from './values.js';
