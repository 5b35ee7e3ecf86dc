import type { DashboardFunction, RestRoute } from '../config.js';
import { el } from '../dom.js';

/** What a button runs. */
export type Action = 'url' | 'compare' | 'sdk' | 'invoke';

/** How the list behaves. */
export interface FunctionListOptions {
  /** Whether this page may sign requests (served on a loopback address). */
  canSign: boolean;
  /** Starts a run; resolves when it is over. */
  onRun(action: Action, fn: DashboardFunction, path: string): Promise<void>;
  /** The signed curl command for an `AWS_IAM` URL (with its path). */
  curlFor(url: string): string;
}

/**
 * Lists every function (name, pattern, invoke mode, auth type, URL) with the runs it offers:
 * its URL, the streamed-versus-buffered comparison for a `RESPONSE_STREAM` URL,
 * `InvokeWithResponseStream`, and `Invoke` for functions without a URL.
 *
 * @param container - Where the cards go.
 * @param functions - The functions, in template order.
 * @param options - Signing ability and the run callback.
 * @example
 * ```ts
 * renderFunctions(byId('functions'), functions, { canSign: true, onRun });
 * ```
 */
export function renderFunctions(
  container: HTMLElement,
  functions: readonly DashboardFunction[],
  options: FunctionListOptions,
): void {
  container.replaceChildren(...functions.map((fn) => card(fn, options)));
  if (functions.length === 0) container.append(el('p', { class: 'muted', text: 'No functions.' }));
}

/** Runs started so far: tells a button's latest run from an earlier, replaced one. */
let runs = 0;

function card(fn: DashboardFunction, options: FunctionListOptions): HTMLElement {
  const path = el('input', {
    attrs: { value: '/', spellcheck: 'false', 'aria-label': 'Path and query' },
  });
  const start = (button: HTMLButtonElement, action: Action) =>
    markRunning(button, options.onRun(action, fn, path.value || '/'));
  const buttons = actionsOf(fn).map(([action, label, needsSigning]) =>
    actionButton(label, action, !needsSigning || options.canSign, start),
  );
  return el('article', { class: 'fn', attrs: { 'data-function': fn.name } }, [
    el('header', {}, [
      el('h3', { text: fn.name }),
      fn.pattern && el('span', { class: 'pattern', text: fn.pattern }),
    ]),
    fn.description &&
      el('p', { class: 'description', text: fn.description, title: fn.description }),
    facts(fn, options.canSign),
    fn.routes && restRoutes(fn.routes),
    fn.url?.authType === 'AWS_IAM' && curlCommand(fn.url.url, path, options),
    fn.url && el('label', { class: 'path' }, [el('span', { text: 'path' }), path]),
    el('div', { class: 'actions' }, buttons),
  ]);
}

/** Shows which button's run is on the stage, until it ends or another replaces it. */
function markRunning(button: HTMLButtonElement, run: Promise<void>): void {
  for (const other of document.querySelectorAll('button.running')) {
    other.classList.remove('running');
  }
  const token = String(++runs);
  button.classList.add('running');
  button.dataset.run = token;
  run.finally(() => {
    if (button.dataset.run === token) button.classList.remove('running');
  });
}

/** A run button; disabled, with the reason, when the page cannot sign what it needs. */
function actionButton(
  label: string,
  action: Action,
  allowed: boolean,
  onClick: (button: HTMLButtonElement, action: Action) => void,
): HTMLButtonElement {
  const button = el('button', { text: label, attrs: { type: 'button', 'data-action': action } });
  if (!allowed) {
    button.disabled = true;
    button.title = 'Read-only: this page cannot sign requests';
  }
  button.addEventListener('click', () => onClick(button, action));
  return button;
}

function facts(fn: DashboardFunction, listed: boolean): HTMLElement {
  // Read-only, the page cannot call ListFunctionUrlConfigs: it does not know the URL.
  const missing = listed ? 'no URL' : 'URL not listed (read-only)';
  if (!fn.url) return el('p', { class: 'facts' }, [el('span', { class: 'pill', text: missing })]);
  return el('p', { class: 'facts' }, [
    el('span', {
      class: `pill ${fn.url.invokeMode === 'RESPONSE_STREAM' ? 'stream' : ''}`,
      text: fn.url.invokeMode,
    }),
    el('span', { class: 'pill', text: fn.url.authType }),
    // An AWS_IAM URL opened as a link is an unsigned GET: a 403. It gets a signed curl instead.
    fn.url.authType === 'NONE'
      ? el('a', {
          text: fn.url.url,
          attrs: { href: fn.url.url, target: '_blank', rel: 'noopener' },
        })
      : el('code', { class: 'url', text: fn.url.url, title: 'AWS_IAM: requests must be signed' }),
  ]);
}

/** The function's REST API routes: transfer mode, auth, method and URL (running them is not offered yet). */
function restRoutes(routes: readonly RestRoute[]): HTMLElement {
  return el(
    'ul',
    { class: 'routes', attrs: { 'aria-label': 'REST API routes' } },
    routes.map((route) =>
      el('li', { class: 'facts' }, [
        el('span', {
          class: `pill ${route.transferMode === 'STREAM' ? 'stream' : ''}`,
          text: route.transferMode,
        }),
        el('span', { class: 'pill', text: route.auth }),
        el('code', {
          class: 'url',
          text: `${route.method} ${route.url}`,
          title: `REST API ${route.api}`,
        }),
      ]),
    ),
  );
}

/** The signed curl command for the URL and the card's path, to copy into a terminal. */
function curlCommand(base: string, path: HTMLInputElement, options: FunctionListOptions) {
  const code = el('code', { class: 'curl-command' });
  const copy = el('button', { class: 'copy', text: 'Copy', attrs: { type: 'button' } });
  const block = el('details', { class: 'curl' }, [
    el('summary', { text: 'curl, signed (a link would be an unsigned 403)' }),
    code,
    copy,
  ]);
  const update = () => {
    code.textContent = options.curlFor(new URL(path.value || '/', base).href);
  };
  update();
  path.addEventListener('input', update);
  copy.addEventListener('click', () => {
    navigator.clipboard.writeText(code.textContent ?? '').then(
      () => flash(copy, 'Copied'),
      () => flash(copy, 'Select and copy'),
    );
  });
  return block;
}

function flash(button: HTMLButtonElement, text: string): void {
  button.textContent = text;
  setTimeout(() => {
    button.textContent = 'Copy';
  }, 1500);
}

/** The runs a function offers: action, button label, whether it needs a signature. */
function actionsOf(fn: DashboardFunction): [Action, string, boolean][] {
  const url = fn.url;
  if (!url)
    return [
      ['sdk', 'InvokeWithResponseStream', true],
      ['invoke', 'Invoke', true],
    ];
  const signedUrl = url.authType === 'AWS_IAM';
  if (url.invokeMode === 'BUFFERED') {
    return [
      ['url', 'Call URL', signedUrl],
      ['sdk', 'InvokeWithResponseStream', true],
    ];
  }
  return [
    ['url', 'Stream URL', signedUrl],
    ['compare', 'Compare with buffered', true],
    ['sdk', 'InvokeWithResponseStream', true],
  ];
}
