/** The path of the Server-Sent Events stream the page listens to. */
export const EVENTS_PATH = '/__datadeck/events';

/** What the server tells every open page: the deck's version and, when the last save failed, the error text. */
export interface DevState {
  readonly version: string;
  readonly error: string | null;
}

export interface DevClientConfig {
  readonly endpoint: string;
  /** The version of the deck this page was served with: any other version means reload. */
  readonly version: string;
  /** The overlay's heading and closing line, from the message catalogue. */
  readonly title: string;
  readonly hint: string;
}

/** The inline script injected into served pages only: reload on a new deck, overlay on a failed build. */
export function createClientScript(config: DevClientConfig): string {
  // "<" escaped so no value can close the <script> element early.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `(${runDevClient.toString()})(${json});`;
}

/**
 * Runs in the browser, serialised with toString(): it may use only its argument and browser globals.
 * location.reload() keeps the #/3 hash, and reveal's `hash: true` reopens that slide.
 */
function runDevClient(config: DevClientConfig): void {
  const OVERLAY_ID = 'datadeck-dev-overlay';
  const events = new EventSource(config.endpoint);
  events.addEventListener('state', (event) => {
    const state: unknown = JSON.parse(String(event.data));
    if (typeof state !== 'object' || state === null || !('version' in state) || !('error' in state)) return;
    if (state.version !== config.version) {
      events.close();
      location.reload();
      return;
    }
    document.getElementById(OVERLAY_ID)?.remove();
    if (typeof state.error === 'string') document.body.append(renderOverlay(state.error));
  });

  // textContent only: the error quotes the data file, which must never become markup.
  function renderOverlay(text: string): HTMLElement {
    const overlay = document.createElement('div');
    overlay.id = OVERLAY_ID;
    overlay.setAttribute('role', 'alert');
    // Styles through the CSSOM: a Content-Security-Policy without 'unsafe-inline' allows them, unlike style="".
    Object.assign(overlay.style, {
      position: 'fixed', inset: '0', zIndex: '2147483647', overflow: 'auto', padding: '2rem 3rem',
      background: 'rgba(20, 20, 24, 0.94)', color: '#f4f4f5', font: '16px/1.5 system-ui, sans-serif',
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
