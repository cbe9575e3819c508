import { writeFileSync } from 'node:fs';
import { callExpression, type Engine } from './engine-contract.js';
import { startRefusingProxy } from './refusing-proxy.js';
import { startWebKit } from './webkit-driver.js';

/** Records uncaught errors and console.error from the moment it runs (WebKit: right after the load event). */
const WATCH_ERRORS = `
  const seen = (window.__engineProblems = []);
  window.addEventListener('error', (event) => seen.push('uncaught ' + event.message));
  window.addEventListener('unhandledrejection', (event) => seen.push('unhandled rejection ' + String(event.reason)));
  const consoleError = console.error.bind(console);
  console.error = (...args) => { seen.push('console error ' + args.map(String).join(' ')); consoleError(...args); };
`;

/** WebKitGTK's MiniBrowser, one window driven over WebDriver classic, its requests sent to the refusing proxy. */
export async function startWebKitEngine(paths: {
  driverPath: string;
  miniBrowserPath: string;
  xvfbPath: string | undefined;
}): Promise<Engine> {
  const proxy = await startRefusingProxy();
  const session = await startWebKit({ ...paths, proxy: proxy.address }).catch(async (error: unknown) => {
    await proxy.close();
    throw error;
  });
  const execute = (script: string) => session.command('POST', '/execute/sync', { script, args: [] });
  return {
    name: 'webkit',
    open: async (url, viewport) => {
      // Full screen, MiniBrowser has no toolbar: the window is the viewport.
      await session.command('POST', '/window/rect', { x: 0, y: 0, width: viewport.width, height: viewport.height });
      const proxied = proxy.requests.length;
      await session.command('POST', '/url', { url });
      await execute(WATCH_ERRORS);
      return {
        run: (source, arg) => execute(`return ${callExpression(source, arg)};`),
        screenshot: async (path) => {
          const png = await session.command('GET', '/screenshot');
          writeFileSync(path, Buffer.from(String(png), 'base64'));
        },
        problems: async () => {
          const seen = await execute('return window.__engineProblems ?? ["the error watch is gone: the page navigated"];');
          const errors = Array.isArray(seen) ? seen.map(String) : [String(seen)];
          return [...errors, ...proxy.requests.slice(proxied).map((request) => `proxied ${request}`)];
        },
        close: async () => {
          await session.command('POST', '/url', { url: 'about:blank' });
        },
      };
    },
    close: async () => {
      await session.close();
      await proxy.close();
    },
  };
}
