/**
 * The X-Ray cause the runtime attaches to `/error` posts in the
 * `Lambda-Runtime-Function-XRay-Error-Cause` header (RIC `src/XRayError.js`).
 */

interface XRayStackEntry {
  path: string | undefined;
  line: number;
  label: string;
}

interface ErrorFields {
  name?: string;
  message?: string;
  stack?: string;
}

/**
 * Builds the X-Ray cause JSON of an error, or `''` when it cannot be built, as RIC does.
 * Non-ASCII characters are `\u`-escaped (still the same JSON) so the text is a valid header
 * value for `node:http`, where RIC's curl client sends raw bytes.
 *
 * @param error - What the handler threw.
 * @returns The header value.
 * @example
 * ```ts
 * headers['Lambda-Runtime-Function-XRay-Error-Cause'] = formatXRayCause(err);
 * ```
 */
export function formatXRayCause(error: unknown): string {
  try {
    return asciiJson(xrayCause(error as ErrorFields));
  } catch {
    return '';
  }
}

function xrayCause(error: ErrorFields) {
  const stack = error.stack ? parseStack(error.stack) : [];
  return {
    working_directory: process.cwd(),
    exceptions: [
      {
        type: error.name?.replace(/\x7F/g, '%7F'),
        message: error.message?.replace(/\x7F/g, '%7F'),
        stack,
      },
    ],
    paths: Array.from(new Set(stack.map((entry) => entry.path))),
  };
}

/** `    at label (path:line:col)` lines, the header line skipped (RIC `XRayFormattedCause`). */
function parseStack(stack: string): XRayStackEntry[] {
  const lines = stack.replace(/\x7F/g, '%7F').split('\n');
  lines.shift();
  return lines.map((stackLine) => {
    let line = stackLine.trim().replace(/\(|\)/g, '');
    line = line.substring(line.indexOf(' ') + 1);
    const lastSpace = line.lastIndexOf(' ');
    const label = lastSpace >= 0 ? line.slice(0, lastSpace) : null;
    const location = (label ? line.slice(lastSpace + 1) : line).split(':');
    return {
      path: location[0],
      line: Number.parseInt(location[1] ?? '', 10),
      label: label || 'anonymous',
    };
  });
}

function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
