import { READING_CLASS } from '../page/reading-view.js';

/** The path of the Server-Sent Events stream the page listens to. */
export const EVENTS_PATH = '/__datadeck/events';

/** The attribute of the injected <script> that carries the page's shell hash (see hashShell). */
export const SHELL_ATTRIBUTE = 'data-datadeck-shell';

/** What the server tells every open page: the deck's version and, when the last save failed, the error text. */
export interface DevState {
  readonly version: string;
  readonly error: string | null;
}

/** What the event stream carries: the state, and the shell hash of the deck on disk (null before there is one). */
export interface DevMessage extends DevState {
  readonly shell: string | null;
}

export interface DevClientConfig {
  readonly endpoint: string;
  /** The version of the deck this page was served with: any other version means update. */
  readonly version: string;
  /** The overlay's heading and closing line, from the message catalogue. */
  readonly title: string;
  readonly hint: string;
}

/** The inline script injected into served pages only: new slides on a new deck, an overlay on a failed build. */
export function createClientScript(config: DevClientConfig): string {
  // "<" escaped so no value can close the <script> element early.
  const json = JSON.stringify({ ...config, shellAttribute: SHELL_ATTRIBUTE, readingClass: READING_CLASS }).replace(/</g, '\\u003c');
  return `(${runDevClient.toString()})(${json});`;
}

/** The parts of reveal's API the client uses, checked at run time: the page's global is not typed here. */
interface RevealApi {
  sync(): void;
  slide(h: number, v?: number, f?: number): void;
  getIndices(): { h: number; v?: number; f?: number };
  isScrollView(): boolean;
  isOverview(): boolean;
}

/**
 * Runs in the browser, serialised with toString(): it may use only its argument and browser globals.
 * A new deck whose page differs only in its slides is swapped in place: reveal keeps the slide, the fragment
 * and the speaker view, and the browser re-parses nothing else. Anything else (styles, fonts, scripts, the
 * policy) needs the new page, so it reloads: location.reload() keeps the #/3 hash and reveal reopens that slide.
 */
function runDevClient(config: DevClientConfig & { shellAttribute: string; readingClass: string }): void {
  const OVERLAY_ID = 'datadeck-dev-overlay';
  const ownShell = document.currentScript?.getAttribute(config.shellAttribute) ?? null;
  let version = config.version;
  let updating = Promise.resolve();
  const events = new EventSource(config.endpoint);
  events.addEventListener('state', (event) => {
    const state: unknown = JSON.parse(String(event.data));
    if (typeof state !== 'object' || state === null || !('version' in state) || !('error' in state) || !('shell' in state)) return;
    const { version: next, error, shell } = state;
    updating = updating.then(async () => {
      // A new shell (styles, fonts, code) is never parsed here: the old page's policy would refuse its styles.
      if (typeof next === 'string' && next !== version && (shell !== ownShell || !(await swapSlides()))) {
        reload();
        return;
      }
      if (typeof next === 'string') version = next;
      document.getElementById(OVERLAY_ID)?.remove();
      if (typeof error === 'string') document.body.append(renderOverlay(error));
    });
  });

  function reload(): void {
    events.close();
    const reveal = findReveal();
    // reveal writes the slide into the URL at most once a second: a reload right after a keypress would
    // reopen the slide before it. The URL gets the slide (and fragment) shown now.
    if (reveal !== undefined && !reveal.isScrollView()) {
      const { h, v = 0, f } = reveal.getIndices();
      history.replaceState(history.state, '', `#/${h}/${v}${f !== undefined && f >= 0 ? `/${f}` : ''}`);
    }
    location.reload();
  }

  /** True when the new deck's slides replaced the old ones; false when only a reload can show it. */
  async function swapSlides(): Promise<boolean> {
    const reveal = findReveal();
    const slides = document.querySelector('.reveal > .slides');
    if (reveal === undefined || slides === null || reveal.isScrollView() || reveal.isOverview()) return false;
    const page = await fetchPage();
    const nextSlides = page?.querySelector('.reveal > .slides');
    const shell = (doc: Document) => doc.querySelector(`script[${config.shellAttribute}]`)?.getAttribute(config.shellAttribute);
    if (page === undefined || nextSlides === null || nextSlides === undefined || shell(page) !== shell(document)) return false;
    const { h, v, f } = reveal.getIndices();
    slides.replaceChildren(...Array.from(nextSlides.childNodes));
    reveal.sync();
    reveal.slide(h, v, f);
    document.dispatchEvent(new CustomEvent('datadeck:updated'));
    return true;
  }

  async function fetchPage(): Promise<Document | undefined> {
    try {
      const response = await fetch(location.pathname + location.search, { cache: 'no-store' });
      return response.ok ? new DOMParser().parseFromString(await response.text(), 'text/html') : undefined;
    } catch {
      // The reload that follows shows the browser's own error page, which says more than we could.
      return undefined;
    }
  }

  function findReveal(): RevealApi | undefined {
    // The reading view never starts reveal: it reloads, and the browser keeps its scroll position.
    if (document.documentElement.classList.contains(config.readingClass)) return undefined;
    const candidate: unknown = Reflect.get(window, 'Reveal');
    const methods = ['sync', 'slide', 'getIndices', 'isScrollView', 'isOverview'];
    // reveal's global is a function object that carries the API as properties.
    const isReveal = (value: unknown): value is RevealApi =>
      (typeof value === 'function' || (typeof value === 'object' && value !== null)) &&
      methods.every((name) => typeof Reflect.get(value, name) === 'function');
    return isReveal(candidate) ? candidate : undefined;
  }

  // textContent only: the error quotes the data file, which must never become markup.
  function renderOverlay(text: string): HTMLElement {
    const overlay = document.createElement('div');
    overlay.id = OVERLAY_ID;
    overlay.setAttribute('role', 'alert');
    // Styles through the CSSOM: a Content-Security-Policy without 'unsafe-inline' allows them, unlike style="".
    Object.assign(overlay.style, {
      position: 'fixed',
      inset: '0',
      zIndex: '2147483647',
      overflow: 'auto',
      padding: '2rem 3rem',
      background: 'rgba(20, 20, 24, 0.95)',
      color: '#f4f4f5',
      font: '16px/1.5 system-ui, sans-serif',
    });
    const title = document.createElement('h2');
    title.textContent = config.title;
    Object.assign(title.style, { margin: '0 0 1rem', color: '#fca5a5', font: 'bold 1.25rem system-ui, sans-serif' });
    const report = document.createElement('pre');
    report.textContent = text;
    Object.assign(report.style, { margin: '0 0 1rem', whiteSpace: 'pre-wrap', font: '15px/1.45 ui-monospace, monospace' });
    const hint = document.createElement('p');
    hint.textContent = config.hint;
    overlay.append(title, report, hint);
    return overlay;
  }
}
