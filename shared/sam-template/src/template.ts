import { basename, dirname, resolve } from 'node:path';
import { createConditionEvaluator } from './conditions.js';
import { parseTemplateDocument } from './document.js';
import { displayPath, TemplateError } from './errors.js';
import { eventInvokeConfigResources } from './event-invoke-config.js';
import { readFunction } from './functions.js';
import { globalFunctionProperties } from './globals.js';
import { resolveValue } from './intrinsics.js';
import { resolveParameters } from './parameters.js';
import { pseudoParameters } from './pseudo.js';
import { readRestApis } from './rest-apis.js';
import type { ResolveContext } from './scope.js';
import type { ParseTemplateOptions, SamFunction, SamTemplate } from './types.js';
import { unknownPropertyWarnings } from './unknown-properties.js';
import { isMap, type TemplateMap } from './values.js';

function optionalMap(document: TemplateMap, key: string, file: string): TemplateMap {
  const value = document[key];
  if (value === undefined || value === null) return {};
  if (!isMap(value)) throw new TemplateError(file, key, 'must be a mapping');
  return value;
}

function createContext(
  document: TemplateMap,
  file: string,
  parameterRefs: ResolveContext['refs'],
  options: ParseTemplateOptions,
): ResolveContext {
  const pseudo = pseudoParameters({
    region: options.region ?? 'us-east-1',
    accountId: options.accountId ?? '123456789012',
    stackName: options.stackName ?? basename(dirname(file)),
  });
  let condition: ResolveContext['condition'] = () => false;
  const context: ResolveContext = {
    file,
    refs: new Map([...pseudo, ...parameterRefs]),
    mappings: optionalMap(document, 'Mappings', file),
    condition: (name, referencedAt) => condition(name, referencedAt),
    warnings: [],
  };
  const resolveAt = (value: unknown, path: string) => resolveValue(value, context, path);
  condition = createConditionEvaluator(document.Conditions, file, resolveAt);
  return context;
}

function readFunctions(
  document: TemplateMap,
  context: ResolveContext,
  dir: string,
  checkCode: boolean,
): SamFunction[] {
  const { file } = context;
  if (!isMap(document.Resources)) throw new TemplateError(file, 'Resources', 'must be a mapping');
  const globals = globalFunctionProperties(document, file);
  context.warnings.push(
    ...unknownPropertyWarnings(file, globals, functionProperties(document.Resources)),
  );
  const functions: SamFunction[] = [];
  const invokeConfigs = eventInvokeConfigResources(document.Resources, context);
  for (const [logicalId, resource] of Object.entries(document.Resources)) {
    if (!isMap(resource) || typeof resource.Type !== 'string') {
      throw new TemplateError(file, `Resources.${logicalId}`, 'must be a mapping with a Type');
    }
    if (resource.Type === 'AWS::Lambda::Function') {
      const detail = 'AWS::Lambda::Function is not loaded; use AWS::Serverless::Function';
      context.warnings.push(`${displayPath(file)}: Resources.${logicalId}: ${detail}`);
    }
    if (resource.Type !== 'AWS::Serverless::Function') continue;
    const found = readFunction(logicalId, resource, globals, context, dir, checkCode);
    const resourceConfig = invokeConfigs.get(logicalId);
    if (found === undefined) continue;
    // An AWS::Lambda::EventInvokeConfig resource sets what the function's property leaves out.
    functions.push(
      resourceConfig === undefined
        ? found
        : { ...found, eventInvokeConfig: { ...found.eventInvokeConfig, ...resourceConfig } },
    );
  }
  return functions;
}

/** The own `Properties` of every `AWS::Serverless::Function`, for the unknown-property check. */
function functionProperties(resources: TemplateMap): [string, TemplateMap][] {
  return Object.entries(resources).flatMap(([logicalId, resource]) =>
    isMap(resource) && resource.Type === 'AWS::Serverless::Function' && isMap(resource.Properties)
      ? [[logicalId, resource.Properties] as [string, TemplateMap]]
      : [],
  );
}

/**
 * Reads SAM template text into typed function definitions, without touching the file system:
 * short-form tags become long form, parameters take their values, `Globals.Function` is merged
 * into each `AWS::Serverless::Function` and intrinsic functions resolve where they can locally.
 * Properties SAM does not know are warnings. The file system is read only with `checkCode`.
 *
 * @param text - The template source (YAML or JSON).
 * @param options - The template's path (for `CodeUri` and messages) and resolution options.
 * @returns The template.
 * @throws {@link TemplateError} naming the file and property path of anything that cannot run locally.
 * @example
 * ```ts
 * const template = parseTemplate(text, {
 *   path: 'patterns/ttfb-write/template.yaml',
 *   parameterOverrides: { Stage: 'prod' },
 * });
 * template.functions[0]?.codeUri; // '/repo/patterns/ttfb-write/dist/handler'
 * ```
 */
export function parseTemplate(text: string, options: ParseTemplateOptions): SamTemplate {
  const file = resolve(options.path);
  const dir = dirname(file);
  const document = parseTemplateDocument(text, file);
  const overrides = options.parameterOverrides ?? {};
  const parameters = resolveParameters(document.Parameters, overrides, file);
  const context = createContext(document, file, parameters.refs, options);
  const functions = readFunctions(document, context, dir, options.checkCode ?? false);
  const served = new Set(functions.map((fn) => fn.logicalId));
  const restApis = readRestApis(document, served, context);
  const description = typeof document.Description === 'string' ? document.Description : undefined;
  return {
    path: file,
    dir,
    ...(description === undefined ? {} : { description }),
    parameters: parameters.values,
    functions,
    restApis,
    outputs: optionalMap(document, 'Outputs', file),
    warnings: context.warnings,
  };
}
