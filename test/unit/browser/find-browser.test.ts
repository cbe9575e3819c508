import { describe, expect, it } from 'vitest';
import { findBrowser, locateBrowser } from '../../../src/browser/find-browser.js';
import { DeckError } from '../../../src/errors/deck-error.js';
import { messages } from '../../../src/errors/messages.js';

const existing =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

describe('locateBrowser', () => {
  it('takes CHROME_PATH first, over any installed browser', () => {
    const exists = existing('/opt/chrome/chrome', '/usr/bin/chromium');
    expect(locateBrowser({ env: { CHROME_PATH: '/opt/chrome/chrome' }, exists })).toEqual({ path: '/opt/chrome/chrome' });
  });

  it('reports a CHROME_PATH that points nowhere instead of quietly using another browser', () => {
    const located = locateBrowser({ env: { CHROME_PATH: '/nope/chrome' }, exists: existing('/usr/bin/chromium') });
    expect(located).toEqual({ problem: messages.browserPathMissing('/nope/chrome') });
  });

  it('then tries the usual install paths in order, then the PATH', () => {
    const paths = ['/usr/bin/chromium', '/usr/bin/google-chrome'];
    expect(locateBrowser({ env: {}, paths, exists: existing('/usr/bin/google-chrome') })).toEqual({ path: '/usr/bin/google-chrome' });
    expect(locateBrowser({ env: { PATH: '/bin:/home/me/bin' }, paths, exists: existing('/home/me/bin/chromium') })).toEqual({
      path: '/home/me/bin/chromium',
    });
  });

  it('prints with the headless shell when it is installed, and views decks in the full browser', () => {
    const exists = existing('/usr/bin/chromium', '/usr/bin/chromium-headless-shell');
    expect(locateBrowser({ env: {}, exists, isForPrint: true })).toEqual({ path: '/usr/bin/chromium-headless-shell' });
    expect(locateBrowser({ env: {}, exists })).toEqual({ path: '/usr/bin/chromium' });
    expect(locateBrowser({ env: {}, exists: existing('/usr/bin/chromium'), isForPrint: true })).toEqual({ path: '/usr/bin/chromium' });
    expect(locateBrowser({ env: { PATH: '/opt/bin' }, exists: existing('/opt/bin/chromium-headless-shell'), isForPrint: true })).toEqual({
      path: '/opt/bin/chromium-headless-shell',
    });
    expect(locateBrowser({ env: { CHROME_PATH: '/usr/bin/chromium' }, exists, isForPrint: true })).toEqual({ path: '/usr/bin/chromium' });
  });
});

describe('findBrowser', () => {
  it('fails with a browser error naming CHROME_PATH and the install command when there is none', () => {
    const lookup = { env: { PATH: '/bin' }, paths: ['/usr/bin/chromium'], exists: existing() };
    const error = catchError(() => findBrowser(lookup));
    if (!(error instanceof DeckError)) throw new Error(`expected a DeckError, got ${String(error)}`);
    expect(error.problems).toEqual([{ code: 'browser', ...messages.browserMissing(['/usr/bin/chromium']) }]);
    expect(error.problems[0]?.message).toContain('CHROME_PATH');
    expect(error.problems[0]?.hint).toContain('apt-get install chromium');
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}
