import { displayPath } from './errors.js';
import {
  SAM_FUNCTION_PROPERTIES,
  SAM_GLOBAL_FUNCTION_PROPERTIES,
} from './sam-function-properties.js';
import type { TemplateMap } from './values.js';

/**
 * The known name nearest to `name`: fewest single-letter edits (Levenshtein), case ignored, ties
 * to the first in the list.
 *
 * @param name - A name that is not in the list.
 * @param known - The names it may be a misspelling of.
 * @returns The closest one, or undefined when the list is empty.
 * @example
 * ```ts
 * closestName('FunctionUrlConfg', ['CodeUri', 'FunctionUrlConfig']); // 'FunctionUrlConfig'
 * ```
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (best === undefined || distance < best.distance) best = { name: candidate, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function unknownKeys(
  properties: TemplateMap,
  known: readonly string[],
  where: string,
  what: string,
): string[] {
  return Object.keys(properties)
    .filter((key) => !known.includes(key))
    .map((key) => {
      if (SAM_FUNCTION_PROPERTIES.includes(key)) {
        return `${where}.${key}: SAM does not accept it in ${what} (set it on each function); it is ignored`;
      }
      const closest = closestName(key, known);
      const hint = closest === undefined ? '' : ` (closest known property: ${closest})`;
      return `${where}.${key}: not a property of ${what}${hint}; it is ignored`;
    });
}

/**
 * Warnings for the properties of a function, or of `Globals.Function`, that SAM does not know
 * (`FunctionUrlConfg`): SAM would reject the template at deploy time, and locally the property
 * would silently do nothing. The known names come from the SAM translator
 * (`sam-function-properties.ts`).
 *
 * @param file - The template file, for the message.
 * @param globals - `Globals.Function`.
 * @param functions - Each function's logical ID and own `Properties`.
 * @returns One message per unknown property, naming file, property path and the closest name.
 * @example
 * ```ts
 * unknownPropertyWarnings('template.yaml', {}, [['Fn', { FunctionUrlConfg: {} }]]);
 * // ['template.yaml: Resources.Fn.Properties.FunctionUrlConfg: not a property of
 * //   AWS::Serverless::Function (closest known property: FunctionUrlConfig); it is ignored']
 * ```
 */
export function unknownPropertyWarnings(
  file: string,
  globals: TemplateMap,
  functions: readonly (readonly [string, TemplateMap])[],
): string[] {
  const shown = displayPath(file);
  const global = unknownKeys(
    globals,
    SAM_GLOBAL_FUNCTION_PROPERTIES,
    'Globals.Function',
    'Globals.Function',
  );
  const local = functions.flatMap(([logicalId, properties]) =>
    unknownKeys(
      properties,
      SAM_FUNCTION_PROPERTIES,
      `Resources.${logicalId}.Properties`,
      'AWS::Serverless::Function',
    ),
  );
  return [...global, ...local].map((message) => `${shown}: ${message}`);
}
