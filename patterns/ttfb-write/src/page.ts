import { paced } from '@lambda-streaming/streaming';

/** Options of {@link pageParts}. */
export interface PageOptions {
  /**
   * Pad every part but the last with about 100 KiB of whitespace inside an HTML comment, so a
   * function URL that holds back small chunks sends each part at once (runtime client issue
   * #102). The page renders exactly the same.
   */
  pad?: boolean;
  /** Pause between two parts; one second unless told otherwise. */
  intervalMs?: number;
}

/** Size of the whitespace inside the padding comment: well over the ~100 KB threshold. */
export const PAD_BYTES = 100 * 1024;

const SECTIONS = [
  {
    title: 'The first byte came first',
    text: 'Your browser got the head and the headline before this section existed. That moment is the time to first byte: the reader sees something while the function keeps working.',
  },
  {
    title: 'One write, one part',
    text: 'The handler writes each part with write() as soon as the generator yields it, and waits for the stream to drain before it asks for the next one.',
  },
  {
    title: 'Small writes can wait',
    text: 'Real function URLs have been seen to hold back chunks well under 100 KB until the next write. Reload with ?pad=1 to pad each part with an invisible comment and compare.',
  },
  {
    title: 'The end',
    text: 'The handler called end() after this section, and the closing tags came with it. Four seconds in all, and you could read from the first.',
  },
];

/**
 * The parts of a small HTML page, one at a time: the head and headline at once, then one
 * section about every second (four seconds in all). The last part closes every open tag, so
 * the page is complete when the stream ends.
 *
 * @param options - Padding and pace.
 * @returns An async generator of HTML fragments, each ending with a newline.
 * @example
 * ```ts
 * for await (const part of pageParts({ pad: true })) await writeChunk(stream, part);
 * ```
 */
export async function* pageParts(options: PageOptions = {}): AsyncGenerator<string> {
  const intervalMs = options.intervalMs ?? 1000;
  const parts = [head(), ...SECTIONS.map((section, i) => sectionHtml(section, i, intervalMs))];
  parts[parts.length - 1] += '</main>\n</body>\n</html>\n';
  const last = parts.length - 1;
  // The last part needs no padding: end() right after it flushes everything anyway.
  const sized = parts.map((part, i) => (options.pad && i < last ? part + padding() : part));
  yield* paced(sized, intervalMs);
}

/**
 * Reads the padding switch: the `pad` query parameter (`1` or `0`) wins over the default,
 * which comes from the `PAD_CHUNKS` environment variable.
 *
 * @param query - The `pad` query parameter, if the request had one.
 * @param fallback - The deployment's default (`PAD_CHUNKS === 'true'`).
 * @returns Whether to pad, or `undefined` when the parameter is neither `1` nor `0`.
 * @example
 * ```ts
 * padSwitch(event.queryStringParameters?.pad, process.env.PAD_CHUNKS === 'true');
 * ```
 */
export function padSwitch(query: string | undefined, fallback: boolean): boolean | undefined {
  if (query === undefined) return fallback;
  if (query === '1') return true;
  if (query === '0') return false;
  return undefined;
}

function padding(): string {
  return `<!--${' '.repeat(PAD_BYTES)}-->\n`;
}

function head(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Time to first byte with write()</title>
<style>
body { font: 18px/1.5 system-ui, sans-serif; margin: 0; background: #f6f7f9; color: #1d2433; }
main { max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
h1 { color: #232f3e; }
section { background: #fff; border-left: 4px solid #ff9900; border-radius: 4px; margin: 1rem 0;
  padding: 0.25rem 1rem; animation: arrive 0.6s ease-out; }
.sent { color: #5f6b7a; font-size: 0.85em; }
@keyframes arrive { from { opacity: 0; transform: translateY(0.5rem); } }
</style>
</head>
<body>
<main>
<h1>Time to first byte with write()</h1>
<p>This page is streamed from AWS Lambda in five parts. Sections follow, about one a second.</p>
`;
}

function sectionHtml(section: { title: string; text: string }, i: number, intervalMs: number) {
  const seconds = ((i + 1) * intervalMs) / 1000;
  return `<section>
<h2>${i + 1}. ${section.title}</h2>
<p>${section.text}</p>
<p class="sent">Written ${seconds} s after the first byte.</p>
</section>
`;
}
