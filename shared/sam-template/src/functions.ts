import { readCodeUri } from './code.js';
import { checkFunctionCode } from './code-check.js';
import { describeValue } from './describe.js';
import { readEnvironment } from './environment.js';
import { TemplateError } from './errors.js';
import { readEventInvokeConfig } from './event-invoke-config.js';
import { createFunctionScope, type FunctionScope } from './function-scope.js';
import { readFunctionUrl } from './function-url.js';
import { mergeGlobals } from './globals.js';
import { readChoice, readNumber, readOptionalMap, readString, readStringList } from './read.js';
import type { ResolveContext } from './scope.js';
import type { Architecture, SamFunction } from './types.js';
import { isMap, type TemplateMap } from './values.js';

const ARCHITECTURES = ['x86_64', 'arm64'] as const;

function readArchitectures(scope: FunctionScope): Architecture[] {
  const at = scope.at('Architectures');
  const names = readStringList(scope.read('Architectures'), ['x86_64'], at);
  if (names.length !== 1) {
    throw new TemplateError(
      at.file,
      at.path,
      `must list exactly one architecture, got ${names.length}`,
    );
  }
  return names.map((name, index) =>
    readChoice(name, ARCHITECTURES, { ...at, path: `${at.path}[${index}]` }),
  );
}

function readDescription(scope: FunctionScope): string | undefined {
  const value = scope.read('Description');
  // Only informative: an unresolvable description is shown in its short form rather than rejected.
  return value === undefined || typeof value === 'string' ? value : describeValue(value);
}

function readOptionalParts(
  scope: FunctionScope,
): Pick<SamFunction, 'functionUrl' | 'description' | 'eventInvokeConfig'> {
  const functionUrl = readFunctionUrl(
    scope.read('FunctionUrlConfig'),
    scope.at('FunctionUrlConfig'),
  );
  const description = readDescription(scope);
  const eventInvokeConfig = readEventInvokeConfig(
    scope.read('EventInvokeConfig'),
    scope.at('EventInvokeConfig'),
  );
  return {
    ...(functionUrl === undefined ? {} : { functionUrl }),
    ...(description === undefined ? {} : { description }),
    ...(eventInvokeConfig === undefined ? {} : { eventInvokeConfig }),
  };
}

function buildFunction(scope: FunctionScope, dir: string): SamFunction {
  return {
    logicalId: scope.logicalId,
    templatePath: scope.context.file,
    // CodeUri first: an image or inline-code function fails for that reason, not a missing Handler.
    codeUri: readCodeUri(scope, dir),
    handler: readString(scope.read('Handler'), scope.at('Handler')),
    runtime: readString(scope.read('Runtime'), scope.at('Runtime')),
    architectures: readArchitectures(scope),
    timeout: readNumber(scope.read('Timeout'), 3, scope.at('Timeout')),
    memorySize: readNumber(scope.read('MemorySize'), 128, scope.at('MemorySize')),
    environment: readEnvironment(scope),
    ...readOptionalParts(scope),
  };
}

function isDeployed(logicalId: string, resource: TemplateMap, context: ResolveContext): boolean {
  const path = `Resources.${logicalId}.Condition`;
  if (resource.Condition === undefined) return true;
  return context.condition(readString(resource.Condition, { file: context.file, path }), path);
}

/**
 * Reads one `AWS::Serverless::Function` resource: merges `Globals.Function` into it, resolves
 * intrinsics and checks each property this package reports.
 *
 * @param logicalId - The resource's logical ID.
 * @param resource - The resource (`Type`, `Properties`, `Condition`).
 * @param globals - `Globals.Function`.
 * @param context - Parameters, mappings and conditions of the template.
 * @param dir - The template's folder.
 * @param checkCode - Also check that its code exists ({@link checkFunctionCode}).
 * @returns The function, or undefined when its `Condition` is false.
 * @example
 * ```ts
 * readFunction('Fn', resource, globalFunctionProperties(doc, file), context, dirname(file), true);
 * ```
 */
export function readFunction(
  logicalId: string,
  resource: TemplateMap,
  globals: TemplateMap,
  context: ResolveContext,
  dir: string,
  checkCode = false,
): SamFunction | undefined {
  if (!isDeployed(logicalId, resource, context)) return undefined;
  const at = { file: context.file, path: `Resources.${logicalId}.Properties` };
  const local = readOptionalMap(resource.Properties, at) ?? {};
  const merged = mergeGlobals(globals, local);
  if (!isMap(merged)) throw new TemplateError(at.file, at.path, 'must be a mapping');
  const scope = createFunctionScope(logicalId, local, globals, merged, context);
  const fn = buildFunction(scope, dir);
  if (checkCode) context.warnings.push(...checkFunctionCode(scope, fn, resource.Metadata));
  return fn;
}
