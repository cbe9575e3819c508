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

export interface BrowserLookup {
  /** The environment: CHROME_PATH and PATH are read from it (cli.ts passes process.env). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly paths?: readonly string[];
  readonly exists?: (path: string) => boolean;
}

export type LocatedBrowser = { readonly path: string } | { readonly problem: Message };

/** The browser to drive, or why there is none; never throws, so the test suite can report a skip. */
export function locateBrowser(lookup: BrowserLookup): LocatedBrowser {
  const exists = lookup.exists ?? existsSync;
  const chosen = lookup.env.CHROME_PATH?.trim();
  // An explicit CHROME_PATH that is wrong is reported, not silently replaced by another browser.
  if (chosen) return exists(chosen) ? { path: chosen } : { problem: messages.browserPathMissing(chosen) };
  const paths = lookup.paths ?? BROWSER_PATHS;
  const onPath = (lookup.env.PATH ?? '').split(delimiter).filter(Boolean).flatMap((dir) => BROWSER_NAMES.map((name) => join(dir, name)));
  const found = [...paths, ...onPath].find((path) => exists(path));
  return found === undefined ? { problem: messages.browserMissing(paths) } : { path: found };
}

/** The browser's path; a DeckError (code 'browser', exit 1) naming CHROME_PATH and the install command if none. */
export function findBrowser(lookup: BrowserLookup): string {
  const located = locateBrowser(lookup);
  if ('problem' in located) throw new DeckError({ code: 'browser', ...located.problem });
  return located.path;
}
