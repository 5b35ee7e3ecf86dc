import { displayPath, TemplateError } from './errors.js';
import { mergeGlobals } from './globals.js';
import { resolveValue } from './intrinsics.js';
import { type At, child, readOptionalMap, readString, readStringList } from './read.js';
import { readEventAuth } from './rest-api-auth.js';
import { readDefinitionRoutes } from './rest-api-definition.js';
import { type ApiEvent, IMPLICIT_API_ID, readApiEvents } from './rest-api-events.js';
import type { SamRestApi, SamRestRoute } from './rest-api-types.js';
import type { ResolveContext } from './scope.js';
import { isMap, type TemplateMap } from './values.js';

/** The stage SAM's implicit API always has (`implicit_rest_api_plugin.py`). */
const IMPLICIT_STAGE = 'Prod';

/** `image~1png` → `image/png` (JSON pointer escapes, as SAM writes them into the OpenAPI). */
function decodeMediaType(type: string): string {
  return type.replaceAll('~1', '/').replaceAll('~0', '~');
}

function eventRoute(event: ApiEvent, apiAuth: unknown, warnings: string[]): SamRestRoute {
  const at = child(event.at, 'ResponseTransferMode');
  if (event.transferMode !== undefined && event.transferMode !== 'RESPONSE_STREAM') {
    const spelling = event.transferMode === 'STREAM' ? " (CloudFormation's spelling)" : '';
    warnings.push(
      `${displayPath(at.file)}: ${at.path}: SAM only knows RESPONSE_STREAM; "${event.transferMode}"${spelling} deploys a BUFFERED route`,
    );
  }
  return {
    path: event.path,
    method: event.method,
    functionName: event.functionName,
    transferMode: event.transferMode === 'RESPONSE_STREAM' ? 'STREAM' : 'BUFFERED',
    timeoutInMillis: event.timeoutInMillis,
    auth: readEventAuth(event.auth, apiAuth, child(event.at, 'Auth')),
  };
}

function checkUnique(routes: readonly SamRestRoute[], at: At): void {
  const seen = new Set<string>();
  for (const route of routes) {
    const key = `${route.method} ${route.path}`;
    if (seen.has(key)) {
      const detail = `API method "${route.method.toLowerCase()}" defined multiple times for path "${route.path}"`;
      throw new TemplateError(at.file, at.path, detail);
    }
    seen.add(key);
  }
}

interface ApiSource {
  logicalId: string;
  properties: TemplateMap;
  at: At;
  implicit: boolean;
}

function buildApi(source: ApiSource, events: ApiEvent[], context: ResolveContext): SamRestApi {
  const { properties, at, warnings } = { ...source, warnings: context.warnings };
  const stage = source.implicit
    ? IMPLICIT_STAGE
    : readString(properties.StageName, child(at, 'StageName'));
  // SAM adds a stage named `Stage` unless OpenApiVersion is set (api_generator.py).
  const stages =
    properties.OpenApiVersion === undefined && stage !== 'Stage' ? [stage, 'Stage'] : [stage];
  const types = readStringList(properties.BinaryMediaTypes, [], child(at, 'BinaryMediaTypes'));
  let routes: SamRestRoute[];
  if (isMap(properties.DefinitionBody)) {
    routes = readDefinitionRoutes(properties.DefinitionBody, child(at, 'DefinitionBody'), warnings);
  } else if (properties.DefinitionBody !== undefined || properties.DefinitionUri !== undefined) {
    warnings.push(
      `${displayPath(at.file)}: ${at.path}: a DefinitionUri or a transformed DefinitionBody is not read locally; the API serves no routes`,
    );
    routes = [];
  } else {
    routes = events.map((event) => eventRoute(event, properties.Auth, warnings));
    checkUnique(routes, at);
  }
  return {
    logicalId: source.logicalId,
    templatePath: context.file,
    implicit: source.implicit,
    stages,
    binaryMediaTypes: types.map(decodeMediaType),
    routes,
  };
}

function explicitApis(
  resources: TemplateMap,
  globals: TemplateMap,
  context: ResolveContext,
): ApiSource[] {
  const sources: ApiSource[] = [];
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!isMap(resource) || resource.Type !== 'AWS::Serverless::Api') continue;
    const path = `Resources.${logicalId}`;
    if (
      typeof resource.Condition === 'string' &&
      !context.condition(resource.Condition, `${path}.Condition`)
    )
      continue;
    const at = { file: context.file, path: `${path}.Properties` };
    const local = readOptionalMap(resource.Properties, at) ?? {};
    const properties = resolveValue(mergeGlobals(globals, local), context, at.path);
    sources.push({
      logicalId,
      properties: isMap(properties) ? properties : {},
      at,
      implicit: false,
    });
  }
  return sources;
}

/**
 * Reads every REST API the template deploys, as SAM translates it: each
 * `AWS::Serverless::Api` (Globals.Api merged) in template order, then the implicit
 * `ServerlessRestApi` when `Api` events without `RestApiId` exist. Routes come from the events
 * (`ResponseTransferMode`, `TimeoutInMillis`, `Auth`), or from an inline `DefinitionBody`, to
 * which events add no routes.
 *
 * @param document - The parsed template.
 * @param served - Logical IDs of the functions that deploy.
 * @param context - The template's resolve context (warnings go to it).
 * @returns The APIs.
 * @throws TemplateError for an event whose `RestApiId` names no API, duplicate routes, bad values.
 * @example
 * ```ts
 * readRestApis(document, new Set(template.functions.map((fn) => fn.logicalId)), context);
 * ```
 */
export function readRestApis(
  document: TemplateMap,
  served: ReadonlySet<string>,
  context: ResolveContext,
): SamRestApi[] {
  const resources = isMap(document.Resources) ? document.Resources : {};
  const globalsSection = isMap(document.Globals) ? document.Globals : {};
  const globals = isMap(globalsSection.Api) ? globalsSection.Api : {};
  const events = readApiEvents(resources, served, context);
  const sources = explicitApis(resources, globals, context);
  const known = new Set(sources.map((source) => source.logicalId));
  for (const event of events) {
    if (event.apiId !== IMPLICIT_API_ID && !known.has(event.apiId)) {
      const detail = `refers to ${event.apiId}, which is not an AWS::Serverless::Api of this template`;
      throw new TemplateError(event.at.file, `${event.at.path}.RestApiId`, detail);
    }
  }
  if (events.some((event) => event.apiId === IMPLICIT_API_ID)) {
    const properties = resolveValue(globals, context, 'Globals.Api');
    const at = { file: context.file, path: 'Globals.Api' };
    sources.push({
      logicalId: IMPLICIT_API_ID,
      properties: isMap(properties) ? properties : {},
      at,
      implicit: true,
    });
  }
  return sources.map((source) => {
    const api = buildApi(
      source,
      events.filter((event) => event.apiId === source.logicalId),
      context,
    );
    return {
      ...api,
      routes: api.routes.filter((route) => servedRoute(route, served, source, context)),
    };
  });
}

/** A body route to a function that is not served (not in the template, or its Condition false). */
function servedRoute(
  route: SamRestRoute,
  served: ReadonlySet<string>,
  source: ApiSource,
  context: ResolveContext,
): boolean {
  if (served.has(route.functionName)) return true;
  const detail = `${route.method} ${route.path} integrates ${route.functionName}, which is not a served AWS::Serverless::Function; not served`;
  context.warnings.push(`${displayPath(context.file)}: ${source.at.path}: ${detail}`);
  return false;
}
