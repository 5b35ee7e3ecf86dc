import { el, mark } from '../dom.js';
import { formatBytes, formatMs } from '../format.js';

const MAX_ROWS = 200;

/**
 * Decompresses a gzip response in the page as it arrives, with the browser's
 * `DecompressionStream('gzip')`, and shows each NDJSON record the moment it is decoded: with
 * a gzip that flushes each record (ttfb-pipeline), records appear while the function still
 * makes the next ones.
 *
 * @example
 * ```ts
 * const panel = new GzipPanel(started);
 * panel.add(chunk.bytes);
 * await panel.end();
 * ```
 */
export class GzipPanel {
  readonly element = el('div', { class: 'panel gzip-panel' });
  readonly #summary = el('p', { class: 'muted', text: 'Decompressing in the page…' });
  readonly #rows = el('tbody');
  readonly #head = el('tr');
  readonly #writer: WritableStreamDefaultWriter<BufferSource>;
  readonly #reading: Promise<void>;
  #columns: string[] | undefined;
  #records = 0;
  #compressed = 0;
  #decompressed = 0;
  #rest = '';

  /** @param startedAt - `performance.now()` when the request was sent. */
  constructor(readonly startedAt: number) {
    const table = el('table', { class: 'records' }, [el('thead', {}, [this.#head]), this.#rows]);
    this.element.append(this.#summary, el('div', { class: 'records-scroll' }, [table]));
    const inflate = new DecompressionStream('gzip');
    this.#writer = inflate.writable.getWriter();
    this.#reading = this.#read(inflate.readable.pipeThrough(new TextDecoderStream()));
  }

  /** Feeds one compressed chunk; its records show as soon as they are decoded. */
  add(bytes: Uint8Array): void {
    this.#compressed += bytes.byteLength;
    this.#writer.write(bytes as BufferSource).catch(() => undefined);
  }

  /** Waits for the last records; a broken gzip stream is reported in the summary. */
  async end(): Promise<void> {
    await this.#writer.close().catch(() => undefined);
    await this.#reading;
  }

  async #read(text: ReadableStream<string>): Promise<void> {
    const reader = text.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        this.#decompressed += new TextEncoder().encode(value).byteLength;
        this.#lines(value);
      }
      if (this.#rest.trim()) this.#addRecord(this.#rest);
      this.#summarise();
    } catch (error) {
      this.#summarise(`the gzip stream is incomplete (${(error as Error).message})`);
    }
  }

  #lines(text: string): void {
    const lines = (this.#rest + text).split('\n');
    this.#rest = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) this.#addRecord(line);
    this.#summarise();
  }

  #addRecord(line: string): void {
    const at = performance.now() - this.startedAt;
    this.#records += 1;
    if (this.#records === 1) mark(this.element, 'firstRecordAt', at);
    mark(this.element, 'records', String(this.#records));
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line) as Record<string, unknown>;
    } catch {
      record = { line };
    }
    this.#columns ??= this.#header(Object.keys(record).slice(0, 6));
    const cells = this.#columns.map((key) => el('td', { text: String(record[key] ?? '') }));
    this.#rows.prepend(el('tr', {}, [el('td', { class: 'at', text: formatMs(at) }), ...cells]));
    if (this.#rows.children.length > MAX_ROWS) this.#rows.lastElementChild?.remove();
  }

  #header(columns: string[]): string[] {
    this.#head.replaceChildren(
      el('th', { text: 'decoded at' }),
      ...columns.map((key) => el('th', { text: key })),
    );
    return columns;
  }

  #summarise(problem?: string): void {
    const sizes = `${formatBytes(this.#compressed)} gzip → ${formatBytes(this.#decompressed)} NDJSON`;
    const text = `${this.#records} record(s) decoded in the page · ${sizes}`;
    this.#summary.textContent = problem ? `${text} · ${problem}` : text;
    this.#summary.classList.toggle('error-text', problem !== undefined);
  }
}
