import type { Browser as PlaywrightBrowser } from 'playwright-core';
import type { Browser as PuppeteerBrowser } from 'puppeteer-core';
import { blockNetwork } from '../../../src/browser/launch-browser.js';
import { callExpression, type Engine, WAIT_TIMEOUT } from './engine-contract.js';
import { startRefusingProxy } from './refusing-proxy.js';

/** Chromium through Playwright, as the rest of the suite; requests other than file: and data: are aborted and recorded. */
export function startChromium(browser: PlaywrightBrowser): Engine {
  return {
    name: 'chromium',
    open: async (url, viewport) => {
      const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
      const problems: string[] = [];
      await blockNetwork(context, (blocked) => problems.push(`request ${blocked}`));
      const page = await context.newPage();
      page.on('pageerror', (error) => problems.push(`uncaught ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error ${message.text()}`);
      });
      await page.goto(url, { waitUntil: 'load', timeout: WAIT_TIMEOUT });
      return {
        run: (source, arg) => page.evaluate(callExpression(source, arg)),
        screenshot: async (path) => {
          await page.screenshot({ path });
        },
        problems: async () => [...problems],
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}

/** Firefox ESR through puppeteer-core over WebDriver BiDi, its requests sent to a proxy that records and refuses them. */
export async function startFirefox(executablePath: string): Promise<Engine> {
  const { default: puppeteer } = await import('puppeteer-core');
  const proxy = await startRefusingProxy();
  const browser: PuppeteerBrowser = await puppeteer
    .launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath,
      headless: true,
      timeout: 60_000,
      protocolTimeout: 60_000,
      // Firefox's test mode: only local connections (the proxy below), and the remote settings server may be
      // overridden; without it Firefox ESR calls Mozilla's at start, and the proxy would count that against the deck.
      env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
      extraPrefsFirefox: {
        'services.settings.server': 'data:,#remote-settings-dummy/v1',
        'network.proxy.type': 1,
        'network.proxy.share_proxy_settings': true,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
      },
    })
    .catch(async (error: unknown) => {
      await proxy.close();
      throw error;
    });
  return {
    name: 'firefox',
    open: async (url, viewport) => {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      const problems: string[] = [];
      const proxied = proxy.requests.length;
      page.on('pageerror', (error) => problems.push(`uncaught ${error instanceof Error ? error.message : String(error)}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error ${message.text()}`);
      });
      page.on('request', (request) => {
        if (!/^(file|data):/.test(request.url())) problems.push(`request ${request.url()}`);
      });
      await page.setViewport({ width: viewport.width, height: viewport.height });
      await page.goto(url, { waitUntil: 'load', timeout: WAIT_TIMEOUT });
      return {
        run: (source, arg) => page.evaluate(callExpression(source, arg)),
        screenshot: async (path) => {
          await page.screenshot({ path });
        },
        problems: async () => [...problems, ...proxy.requests.slice(proxied).map((request) => `proxied ${request}`)],
        close: () => context.close(),
      };
    },
    close: async () => {
      await browser.close();
      await proxy.close();
    },
  };
}
