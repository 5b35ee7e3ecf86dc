/**
 * The only rewrites applied before the two runtimes' observations are compared: each one names a
 * kind of value that is random by nature (or, for paths and stack frames, specific to the
 * machine and to the runtime's own source files). Everything else must be identical.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Numbers the ids of one observation in order of appearance, so equal ids stay equal. */
class IdTable {
  readonly #ids = new Map<string, string>();

  label(id: string): string {
    let label = this.#ids.get(id);
    if (!label) {
      label = `<id-${this.#ids.size + 1}>`;
      this.#ids.set(id, label);
    }
    return label;
  }
}

/** One named rewrite. */
export interface Normalizer {
  name: string;
  /** Why the value is not comparable as it is. */
  why: string;
  apply(text: string, ids: IdTable): string;
}

const APP_DIR = fileURLToPath(new URL('../fixtures/conformance/app/', import.meta.url));
const APP_URL = pathToFileURL(APP_DIR).href;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
/** A stack frame inside a JSON string array (`"    at f (file:1:2)"`) or on a line of its own. */
const JSON_FRAME = /"\s+at (?:[^"\\]|\\.)*"/g;
const LINE_FRAME = /^\s+at .*$/gm;
const RUNTIME_FRAME = '<runtime frame>';

function frame(text: string, quoted: boolean): string {
  const inApp = text.replace(APP_URL, '<app>/').replace(APP_DIR, '<app>/');
  if (inApp === text) return quoted ? `"${RUNTIME_FRAME}"` : `    ${RUNTIME_FRAME}`;
  return inApp;
}

/** The normalizers, applied in this order to every string of an observation. */
export const NORMALIZERS: readonly Normalizer[] = [
  {
    name: 'stackFrames',
    why: "frames inside each runtime's own files differ by construction; the handler's frames are kept",
    apply: (text) =>
      text
        .replace(JSON_FRAME, (match) => frame(match, true))
        .replace(LINE_FRAME, (match) => frame(match, false))
        .replace(/"<runtime frame>"(?:,"<runtime frame>")*/g, '"<runtime frames>"')
        .replace(/(?: {4}<runtime frame>\n)* {4}<runtime frame>/g, '    <runtime frames>'),
  },
  {
    name: 'paths',
    why: "the fixtures' folder depends on where the repository is checked out",
    apply: (text) => text.replaceAll(APP_URL, '<app>/').replaceAll(APP_DIR, '<app>/'),
  },
  {
    name: 'requestIds',
    why: 'request ids are random UUIDs; numbering them keeps which ones are equal',
    apply: (text, ids) => text.replace(UUID, (id) => ids.label(id)),
  },
  {
    name: 'traceIds',
    why: 'X-Ray trace headers carry the time and random ids',
    apply: (text) =>
      text.replace(
        /Root=1-[0-9a-f]{8}-[0-9a-f]{24}(?:;Parent=[0-9a-f]{16})?(?:;Sampled=\d)?/g,
        '<trace-id>',
      ),
  },
  {
    name: 'timestamps',
    why: "log lines carry the time (ISO 8601; aws-lambda-cpp's `[ERROR] [<epoch ms>]`)",
    apply: (text) =>
      text
        .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g, '<timestamp>')
        .replace(/^\[ERROR\] \[\d+\]/gm, '[ERROR] [<epoch ms>]'),
  },
  {
    name: 'logStreamNames',
    why: 'a log stream is named by its day and a random id',
    apply: (text) => text.replace(/\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}/g, '<log-stream>'),
  },
  {
    name: 'durations',
    why: 'REPORT durations and the remaining time are measured',
    apply: (text) =>
      text
        .replace(/((?:Init |Billed )?Duration): \d+(?:\.\d+)? ms/g, '$1: <ms> ms')
        .replace(/"remainingMs":(\d+)/g, (match, ms: string) =>
          Number(ms) > 0 && Number(ms) <= 5000 ? '"remainingMs":"<0 < ms <= 5000>"' : match,
        ),
  },
  {
    name: 'coldStarts',
    why: "whether a call finds a warm environment depends on how soon the last one's runtime was back at /next",
    apply: (text) => text.replace(/\tInit Duration: <ms> ms/g, ''),
  },
  {
    name: 'memoryFigures',
    why: "REPORT's Max Memory Used is measured",
    apply: (text) => text.replace(/Max Memory Used: \d+ MB/g, 'Max Memory Used: <mb> MB'),
  },
];

/**
 * A log tail holds one stack frame per line: a run of runtime-frame lines becomes one, as a run
 * inside one string does (`stackFrames`), since the runtimes' own call depths differ.
 */
function collapseFrameLines(items: unknown[]): unknown[] {
  const runtimeLine = '    <runtime frames>';
  return items.filter((item, index) => !(item === runtimeLine && items[index - 1] === runtimeLine));
}

/**
 * After an `Init Error` line, aws-lambda-ric 4.x rethrows and Node.js prints the error to stderr
 * (`node:internal/process/promises:…` … `Node.js v24…`) as the process exits; the emulator stops
 * the runtime as soon as it has posted `/init/error`, so whether those lines are read before the
 * kill is a race of the emulator's, not a behaviour of either runtime: they are dropped (up to
 * `Node.js v…`, or to the emulator's next START/END/REPORT line when the kill cut the dump short).
 */
function dropDumpAfterInitError(items: unknown[]): unknown[] {
  const out: unknown[] = [];
  let dropping = false;
  for (const item of items) {
    const line = typeof item === 'string' ? item : '';
    const previous = out.at(-1);
    if (!dropping && /^node:internal\/process\/promises:\d+$/.test(line)) {
      dropping = typeof previous === 'string' && previous.includes('\tInit Error \t');
    }
    // The kill may cut the dump before its last line: the emulator's own lines end it too.
    if (dropping && /^(START|END|REPORT) RequestId: /.test(line)) dropping = false;
    if (!dropping) out.push(item);
    else if (/^Node\.js v\d+/.test(line)) dropping = false;
  }
  return out;
}

/**
 * The one line that is not random: `bin/index.mjs` of the npm package (the container-image entry
 * point) prints it before starting the runtime. Lambda's managed runtimes start the same runtime
 * from their own bootstrap, which prints nothing, so it is not part of the runtime compared.
 */
export const OFFICIAL_ENTRY_BANNER = /^Executing '[^']+' in function directory '[^']+'$/;

/**
 * Applies every normalizer to every string of a value (object keys included), with one id table
 * for the whole value; the `date` header's value becomes `<date>`.
 *
 * @param value - An observation (plain JSON data).
 * @returns A normalized copy.
 * @example
 * ```ts
 * expect(normalizeObservation(local)).toEqual(normalizeObservation(official));
 * ```
 */
export function normalizeObservation<T>(value: T): T {
  const ids = new IdTable();
  const text = (input: string) => NORMALIZERS.reduce((out, n) => n.apply(out, ids), input);
  const walk = (item: unknown, key?: string): unknown => {
    if (typeof item === 'string') return text(item);
    if (key === 'date' && Array.isArray(item)) return item.map(() => '<date>');
    if (Array.isArray(item)) {
      return dropDumpAfterInitError(collapseFrameLines(item.map((entry) => walk(entry))));
    }
    if (item && typeof item === 'object') {
      return Object.fromEntries(Object.entries(item).map(([k, v]) => [text(k), walk(v, k)]));
    }
    return item;
  };
  return walk(value) as T;
}
