/** Tiny DOM helpers: the page has no framework. */

type Child = Node | string | undefined | false;

/** Properties of {@link el}. */
export interface ElementProps {
  class?: string;
  text?: string;
  title?: string;
  attrs?: Record<string, string>;
}

/**
 * Creates an HTML element.
 *
 * @example
 * ```ts
 * el('p', { class: 'muted', text: 'Pick a function' });
 * ```
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.text !== undefined) node.textContent = props.text;
  if (props.title) node.title = props.title;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  append(node, children);
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Creates an SVG element with attributes.
 *
 * @example
 * ```ts
 * svg('circle', { cx: '4', cy: '4', r: '3' });
 * ```
 */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  children: Child[] = [],
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  append(node, children);
  return node;
}

function append(node: Element, children: Child[]): void {
  for (const child of children) {
    if (child === undefined || child === false) continue;
    node.append(child);
  }
}

/**
 * @returns The element with this id; throws when the page lacks it (a build mistake).
 * @example
 * ```ts
 * const stage = byId('stage');
 * ```
 */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from the page`);
  return node as T;
}

/**
 * Records a figure on an element as `data-*`, where a person (or a test) can read it.
 *
 * @example
 * ```ts
 * mark(side, 'ttfb', 12.3); // data-ttfb="12.3"
 * ```
 */
export function mark(node: HTMLElement, name: string, value: number | string): void {
  node.dataset[name] = typeof value === 'number' ? value.toFixed(1) : value;
}
