import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { DeckError } from '../errors/deck-error.js';
import { messages, type Message } from '../errors/messages.js';

/** Where Chrome or Chromium usually lives, checked in order after CHROME_PATH. */
export const BROWSER_PATHS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** Program names looked up on PATH when none of BROWSER_PATHS exists (e.g. /usr/local/bin/chromium). */
const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/**
 * Printing prefers Chromium's headless shell (Debian: chromium-headless-shell, the same engine without the desktop
 * browser around it, which Playwright also uses for headless runs): it starts in ~0.1 s instead of ~0.3 s, opens a
 * page ~0.25 s sooner and closes ~0.1 s sooner. Without it, printing uses the browser the deck is viewed in.
 */
const PRINT_BROWSER_PATHS: readonly string[] = ['/usr/bin/chromium-headless-shell', ...BROWSER_PATHS];
const PRINT_BROWSER_NAMES = ['chromium-headless-shell', ...BROWSER_NAMES];

export interface BrowserLookup {
  /** The environment: CHROME_PATH and PATH are read from it (cli.ts passes process.env). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly paths?: readonly string[];
  readonly exists?: (path: string) => boolean;
  /** For printing only: the headless shell first, when installed. */
  readonly isForPrint?: boolean;
}

export type LocatedBrowser = { readonly path: string } | { readonly problem: Message };

/** The browser to drive, or why there is none; never throws, so the test suite can report a skip. */
export function locateBrowser(lookup: BrowserLookup): LocatedBrowser {
  const exists = lookup.exists ?? existsSync;
  const chosen = lookup.env.CHROME_PATH?.trim();
  // An explicit CHROME_PATH that is wrong is reported, not silently replaced by another browser.
  if (chosen) return exists(chosen) ? { path: chosen } : { problem: messages.browserPathMissing(chosen) };
  const paths = lookup.paths ?? (lookup.isForPrint === true ? PRINT_BROWSER_PATHS : BROWSER_PATHS);
  const names = lookup.isForPrint === true ? PRINT_BROWSER_NAMES : BROWSER_NAMES;
  const onPath = (lookup.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .flatMap((dir) => names.map((name) => join(dir, name)));
  const found = [...paths, ...onPath].find((path) => exists(path));
  return found === undefined ? { problem: messages.browserMissing(paths) } : { path: found };
}

/** The browser's path; a DeckError (code 'browser', exit 1) naming CHROME_PATH and the install command if none. */
export function findBrowser(lookup: BrowserLookup): string {
  const located = locateBrowser(lookup);
  if ('problem' in located) throw new DeckError({ code: 'browser', ...located.problem });
  return located.path;
}
