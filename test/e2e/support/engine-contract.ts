/** What each engine gives the harness in engines.ts: a page opened at a viewport, driven with JSON in and out. */

export type EngineName = 'chromium' | 'firefox' | 'webkit';
export const ENGINE_NAMES: readonly EngineName[] = ['chromium', 'firefox', 'webkit'];

export interface EngineViewport {
  readonly name: string;
  readonly width: number;
  readonly height: number;
}
export const PROJECTOR: EngineViewport = { name: 'projector', width: 1280, height: 720 };
export const PHONE: EngineViewport = { name: 'phone', width: 390, height: 844 };

/** The JSON-in, JSON-out calls every engine answers; openDeck() builds a DeckPage on them. */
export interface RawPage {
  run(source: string, arg: unknown): Promise<unknown>;
  screenshot(path: string): Promise<void>;
  problems(): Promise<string[]>;
  close(): Promise<void>;
}

export interface Engine {
  readonly name: EngineName;
  /** Opens `url` at `viewport` and resolves once the page has loaded. */
  open(url: string, viewport: EngineViewport): Promise<RawPage>;
  close(): Promise<void>;
}

/** How long a page may take to load, or a waited-for condition to hold. */
export const WAIT_TIMEOUT = 30_000;

/** `fn(arg)` as an expression: evaluated by the driver, it is not subject to the deck's CSP, which forbids eval. */
export function callExpression(source: string, arg: unknown): string {
  return `(${source})(${arg === undefined ? '' : JSON.stringify(arg)})`;
}
