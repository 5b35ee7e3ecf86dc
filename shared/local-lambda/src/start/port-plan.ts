/**
 * Fixed ports are planned before any is bound: the function URLs take consecutive ports from
 * `urlPortBase`, the REST APIs from `restApiPortBase`, and neither range may hold the Lambda
 * API's port or overlap the other. Ephemeral ports (`0`) never collide.
 */

/** Thrown when the fixed port ranges overlap; the message names the options that move them. */
export class PortCollisionError extends Error {
  override readonly name = 'PortCollisionError';
}

/** One range of ports the start would bind. */
interface PortRange {
  what: string;
  option: string;
  first: number;
  count: number;
}

function describe(range: PortRange): string {
  const ports =
    range.count === 1
      ? `port ${range.first}`
      : `ports ${range.first}-${range.first + range.count - 1}`;
  return `${range.what} (${ports}, ${range.option})`;
}

/**
 * Refuses port settings under which two servers would get the same port.
 *
 * @param settings - The Lambda API port and the two bases.
 * @param counts - How many function URLs and REST APIs are served.
 * @throws {@link PortCollisionError} naming both ranges and the options to move.
 * @example
 * ```ts
 * checkPortPlan({ port: 3000, urlPortBase: 3001, restApiPortBase: 3002 }, { urls: 4, restApis: 1 });
 * // PortCollisionError: the function URLs (ports 3001-3004, --url-port-base) and the REST APIs (port 3002, --rest-api-port-base) overlap...
 * ```
 */
export function checkPortPlan(
  settings: { port: number; urlPortBase: number; restApiPortBase: number },
  counts: { urls: number; restApis: number },
): void {
  const ranges: PortRange[] = [
    { what: 'the Lambda API', option: '--port', first: settings.port, count: 1 },
    {
      what: 'the function URLs',
      option: '--url-port-base',
      first: settings.urlPortBase,
      count: counts.urls,
    },
    {
      what: 'the REST APIs',
      option: '--rest-api-port-base',
      first: settings.restApiPortBase,
      count: counts.restApis,
    },
  ].filter((range) => range.first !== 0 && range.count > 0);
  for (const [index, a] of ranges.entries()) {
    for (const b of ranges.slice(index + 1)) {
      if (a.first < b.first + b.count && b.first < a.first + a.count) {
        throw new PortCollisionError(
          `${describe(a)} and ${describe(b)} overlap. Move one with ${a.option} or ${b.option} (0 picks free ports).`,
        );
      }
    }
  }
}
