import { el, mark } from '../dom.js';
import { formatBytes, formatMs } from '../format.js';

/** Lambda's bandwidth rule as the emulator applies it, or `null` when it is turned off. */
export type Bandwidth = { burstBytes: number; bytesPerSecond: number } | null;

/** The object URL of the last file that arrived (several megabytes each). */
let lastDownload: string | undefined;

/**
 * A download bar for large binary responses (the PDF) that makes Lambda's bandwidth rule
 * visible: the bar races to the burst mark (6 MiB, sent at full speed) and then creeps at the
 * paced rate (2 MiB/s). The speed over the last half second is shown as it changes; at the end
 * the file can be opened.
 *
 * @example
 * ```ts
 * const panel = new ProgressPanel(config.bandwidth, 'application/pdf');
 * panel.add(chunk);
 * panel.end(ttlb);
 * ```
 */
export class ProgressPanel {
  readonly element = el('div', { class: 'panel progress-panel' });
  readonly #fill = el('div', { class: 'bar-fill' });
  readonly #paced = el('div', { class: 'bar-paced' });
  readonly #status = el('p', { class: 'bar-status', text: 'waiting for the first byte…' });
  readonly #chunks: Uint8Array[] = [];
  readonly #recent: { at: number; total: number }[] = [];
  #total = 0;
  #burstAt: number | undefined;

  constructor(
    readonly bandwidth: Bandwidth,
    readonly contentType: string,
  ) {
    const track = el('div', { class: 'bar' }, [this.#fill, this.#paced]);
    const rule = bandwidth
      ? `Lambda sends the first ${formatBytes(bandwidth.burstBytes)} at full speed, then ${formatBytes(bandwidth.bytesPerSecond)}/s.`
      : 'The bandwidth limit is off (--no-bandwidth-limit): every byte at full speed.';
    if (bandwidth) {
      const burst = el('div', { class: 'bar-burst', text: formatBytes(bandwidth.burstBytes) });
      track.append(burst);
    }
    this.element.append(el('p', { class: 'muted', text: rule }), track, this.#status);
    this.#layout();
  }

  /** Adds a chunk (`at`: ms since the request). */
  add(bytes: Uint8Array, at: number): void {
    this.#chunks.push(bytes);
    this.#total += bytes.byteLength;
    this.#recent.push({ at, total: this.#total });
    while (this.#recent.length > 2 && at - (this.#recent[0]?.at ?? at) > 500) this.#recent.shift();
    const burst = this.bandwidth?.burstBytes;
    if (burst !== undefined && this.#burstAt === undefined && this.#total >= burst) {
      this.#burstAt = at;
      mark(this.element, 'burstAt', at);
    }
    this.#layout();
    this.#status.textContent = `${formatBytes(this.#total)} received · ${this.#speed()} now`;
  }

  /** Shows the totals and a link to open what arrived. */
  end(ttlb: number): void {
    mark(this.element, 'total', String(this.#total));
    const burst =
      this.#burstAt === undefined ? '' : ` · past the burst at ${formatMs(this.#burstAt)}`;
    this.#status.textContent = `${formatBytes(this.#total)} in ${formatMs(ttlb)}${burst}`;
    const type = this.contentType.split(';')[0] || 'application/octet-stream';
    // One download kept at a time: the previous run's file is let go.
    if (lastDownload) URL.revokeObjectURL(lastDownload);
    const url = URL.createObjectURL(new Blob(this.#chunks as BlobPart[], { type }));
    lastDownload = url;
    const open = el('a', { text: 'Open what arrived', attrs: { href: url, target: '_blank' } });
    this.#status.append(' · ', open);
  }

  #layout(): void {
    const burst = this.bandwidth?.burstBytes ?? 0;
    const scale = Math.max(this.#total * 1.05, burst > 0 ? burst * (4 / 3) : 1);
    const fast = Math.min(this.#total, burst > 0 ? burst : this.#total);
    this.#fill.style.width = `${(fast / scale) * 100}%`;
    this.#paced.style.left = `${(fast / scale) * 100}%`;
    this.#paced.style.width = `${((this.#total - fast) / scale) * 100}%`;
    const marker = this.element.querySelector<HTMLElement>('.bar-burst');
    if (marker) marker.style.left = `${(burst / scale) * 100}%`;
  }

  #speed(): string {
    const first = this.#recent[0];
    const last = this.#recent.at(-1);
    if (!first || !last || last.at - first.at < 50) return '…';
    const perSecond = ((last.total - first.total) / (last.at - first.at)) * 1000;
    return `${formatBytes(Math.round(perSecond))}/s`;
  }
}
