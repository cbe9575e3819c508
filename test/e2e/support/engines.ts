/**
 * One harness for the three engines a deck's readers have: Chromium (playwright-core, as the rest of the suite),
 * Firefox ESR (puppeteer-core over WebDriver BiDi) and WebKitGTK, Safari's engine (MiniBrowser driven by
 * WebKitWebDriver, full screen in an Xvfb the harness starts; on DISPLAY only when Xvfb is not installed).
 *
 *   const engine = await startEngine('webkit');             // once per engine and test file: a start costs seconds
 *   const page = await openDeck(engine, `${fileUrl}?view=read`, PHONE); // loaded, at exactly that viewport
 *   await page.waitFor(() => Reveal.isReady());
 *   const title = await page.evaluate(() => document.title);
 *   await page.screenshot(join(dir, 'webkit-phone-1.png'));
 *   expect(await page.problems()).toEqual([]);              // errors, console errors, any request not file: or data:
 *   await page.close();
 *   await engine.close();                                    // no process, display or profile left behind
 *
 * evaluate() and waitFor() send the function's source text, as page-checks.ts does: it must be self-contained, take at
 * most one JSON argument and return JSON. One page at a time per engine: WebKit drives a single window.
 * WebKit sees errors from the load event on: WebDriver classic has no script that runs before the page's own, and
 * MiniBrowser under automation does not print its console (a deck that fails to start still fails the ready check);
 * it mutes the message of an error thrown in a file:// page to "Script error.", but the error is reported.
 */
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { startChromium, startFirefox } from './browser-engines.js';
import { isCi, startBrowser } from './browser.js';
import { type Engine, type EngineName, type EngineViewport, type RawPage, WAIT_TIMEOUT } from './engine-contract.js';
import { startWebKitEngine } from './webkit-engine.js';

export { ENGINE_NAMES, PHONE, PROJECTOR, type Engine, type EngineName, type EngineViewport } from './engine-contract.js';

export interface DeckPage {
  evaluate<R>(fn: () => R): Promise<Awaited<R>>;
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<Awaited<R>>;
  /** Polls until `fn` returns something truthy; throws after `timeout` ms. */
  waitFor<A>(fn: (arg: A) => unknown, arg?: A, timeout?: number): Promise<void>;
  /** A PNG of the viewport. */
  screenshot(path: string): Promise<void>;
  /** Uncaught errors, console errors and requests for anything but file: and data: URLs, since the page opened. */
  problems(): Promise<string[]>;
  close(): Promise<void>;
}

/** Where each engine's programs are, or why it cannot run: off CI a missing engine skips its tests, under CI it fails. */
export function locateEngine(name: EngineName): { readonly paths: readonly string[] } | { readonly problem: string } {
  const find = (names: readonly string[], env?: string) => {
    const chosen = env === undefined ? undefined : process.env[env]?.trim();
    if (chosen) return existsSync(chosen) ? chosen : undefined;
    const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
    return dirs.flatMap((dir) => names.map((file) => join(dir, file))).find((path) => existsSync(path));
  };
  const missing = (what: string, install: string) => ({ problem: `${what} not found: install it with \`apt-get install ${install}\`` });
  switch (name) {
    case 'chromium': {
      const browser = find(['chromium', 'chromium-browser', 'google-chrome'], 'CHROME_PATH');
      return browser === undefined ? missing('Chromium', 'chromium') : { paths: [browser] };
    }
    case 'firefox': {
      const browser = find(['firefox-esr', 'firefox'], 'FIREFOX_PATH');
      return browser === undefined ? missing('Firefox (or FIREFOX_PATH)', 'firefox-esr') : { paths: [browser] };
    }
    case 'webkit': {
      const driver = find(['WebKitWebDriver']);
      const miniBrowser = findMiniBrowser();
      if (driver === undefined || miniBrowser === undefined) return missing('WebKitWebDriver or MiniBrowser', 'webkit2gtk-driver');
      const xvfb = find(['Xvfb']);
      if (xvfb === undefined && !process.env.DISPLAY) return missing('Xvfb (and DISPLAY is unset)', 'xvfb');
      return { paths: xvfb === undefined ? [driver, miniBrowser] : [driver, miniBrowser, xvfb] };
    }
  }
}

/** MiniBrowser ships with the WebKitGTK library, under /usr/lib/<multiarch>/webkit2gtk-4.1 (or webkitgtk-6.0). */
function findMiniBrowser(): string | undefined {
  const chosen = process.env.WEBKIT_MINIBROWSER?.trim();
  if (chosen) return existsSync(chosen) ? chosen : undefined;
  const archDirs = existsSync('/usr/lib') ? readdirSync('/usr/lib').filter((dir) => dir.includes('-linux-')) : [];
  return archDirs
    .flatMap((dir) => ['webkit2gtk-4.1', 'webkitgtk-6.0', 'webkit2gtk-4.0'].map((lib) => join('/usr/lib', dir, lib, 'MiniBrowser')))
    .find((path) => existsSync(path));
}

/** Whether an engine's tests are skipped here (off CI, with the engine not installed): say so, a skip is not a pass. */
export function isEngineMissing(name: EngineName): boolean {
  const located = locateEngine(name);
  if (!('problem' in located) || isCi) return false;
  console.warn(`\n⚠ SKIPPED (not passed): the deck in ${name}\n  ${located.problem}\n`);
  return true;
}

/** Starts one engine; the caller closes it (afterAll). */
export async function startEngine(name: EngineName): Promise<Engine> {
  const located = locateEngine(name);
  if ('problem' in located) throw new Error(`the ${name} suite cannot run: ${located.problem} (.ci/run does this)`);
  const [first = '', second = '', third] = located.paths;
  switch (name) {
    case 'chromium':
      return startChromium(await startBrowser());
    case 'firefox':
      return startFirefox(first);
    case 'webkit':
      return startWebKitEngine({ driverPath: first, miniBrowserPath: second, xvfbPath: third });
  }
}

/** Opens a page of `engine` at `viewport`, checks the viewport is what was asked for, and wraps it for the tests. */
export async function openDeck(engine: Engine, url: string, viewport: EngineViewport): Promise<DeckPage> {
  const raw = await engine.open(url, viewport);
  const evaluate = async (fn: (arg: never) => unknown, arg?: unknown) => raw.run(fn.toString(), arg);
  const size = await raw.run('() => [window.innerWidth, window.innerHeight]', undefined);
  if (JSON.stringify(size) !== JSON.stringify([viewport.width, viewport.height])) {
    await raw.close();
    throw new Error(`${engine.name} opened a ${JSON.stringify(size)} viewport for ${viewport.width}×${viewport.height}`);
  }
  return {
    // The engines return JSON as it was produced by `fn`: its return type is the page's word, as in Playwright.
    evaluate: evaluate as DeckPage['evaluate'],
    waitFor: async (fn, arg, timeout = WAIT_TIMEOUT) => {
      const deadline = Date.now() + timeout;
      while (!(await evaluate(fn, arg))) {
        if (Date.now() > deadline) throw new Error(`${engine.name}: still false after ${timeout} ms: ${fn.toString()}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    screenshot: (path) => raw.screenshot(path),
    problems: async () => [...(await raw.problems()), ...(await listLoadedResources(raw))],
    close: () => raw.close(),
  };
}

/** A cross-check of each engine's own request log: what the page itself says it loaded from elsewhere. */
async function listLoadedResources(raw: RawPage): Promise<string[]> {
  const names = await raw.run(
    "() => performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => !/^(file|data):/.test(name))",
    undefined,
  );
  return Array.isArray(names) ? names.map((name) => `loaded ${String(name)}`) : [`unreadable resource list: ${String(names)}`];
}
