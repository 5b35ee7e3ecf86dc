import { readFile } from 'node:fs/promises';
import { intrinsicName, isMap, parseTemplateDocument } from '@lambda-streaming/sam-template';

function plainMap(value: unknown): Record<string, unknown> | undefined {
  return isMap(value) && intrinsicName(value) === undefined ? value : undefined;
}

function child(value: unknown, ...keys: string[]): unknown {
  return keys.reduce<unknown>((current, key) => plainMap(current)?.[key], value);
}

/**
 * Finds the functions whose `FunctionUrlConfig` leaves `InvokeMode` out (Lambda then buffers),
 * reading the template as written, because a loaded template already holds the default.
 *
 * @param templatePath - Absolute path of the template.
 * @returns Logical IDs of functions with a URL but no explicit `InvokeMode` (own or in Globals).
 * @example
 * ```ts
 * await functionsWithoutInvokeMode('/repo/patterns/ttfb-write/template.yaml'); // Set {}
 * ```
 */
export async function functionsWithoutInvokeMode(templatePath: string): Promise<Set<string>> {
  const document = parseTemplateDocument(await readFile(templatePath, 'utf8'), templatePath);
  const globalConfig = child(document, 'Globals', 'Function', 'FunctionUrlConfig');
  const missing = new Set<string>();
  for (const [logicalId, resource] of Object.entries(plainMap(document.Resources) ?? {})) {
    const ownConfig = child(resource, 'Properties', 'FunctionUrlConfig');
    const configs = [ownConfig, globalConfig].filter((config) => config !== undefined);
    if (configs.length === 0 || configs.some((config) => plainMap(config) === undefined)) continue;
    if (configs.every((config) => child(config, 'InvokeMode') === undefined))
      missing.add(logicalId);
  }
  return missing;
}
