import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { createTestOptions, readDefaultText } from '../helpers.js';
import { decodeQrPng } from '../qr-decode.js';
import { announceSkip, isBrowserMissing, openDeck, screenshotDir, showSlide, startBrowser, VIEWPORTS } from './support/browser.js';

announceSkip('link preview and QR code in Chromium (test/e2e/share.test.ts)');

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const URL = 'https://ana-lema.github.io/costos-modelos/';

/** The default deck with lines added under meta:. */
function writeDeck(metaLines: readonly string[]): { dataFile: string; outDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'datadeck-e2e-share-'));
  const text = readDefaultText().replace(/^ {2}theme: aula$/m, ['  theme: aula', ...metaLines.map((line) => `  ${line}`)].join('\n'));
  writeFileSync(join(dir, 'deck.yaml'), text);
  return { dataFile: join(dir, 'deck.yaml'), outDir: join(dir, 'out') };
}

/** A JPEG's size, from its start-of-frame marker. */
function readJpegSize(bytes: Buffer): { width: number; height: number } | undefined {
  for (let at = 2; at + 9 < bytes.length; ) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1] ?? 0;
    if (marker >= 0xc0 && marker <= 0xc3) return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  return undefined;
}

const previews = (dir: string) => readdirSync(dir).filter((name) => /^preview-[0-9a-f]{12}\.jpg$/.test(name));

describe.skipIf(isBrowserMissing)('the QR code, scanned', () => {
  let browser: Browser;
  let htmlFile: string;

  beforeAll(async () => {
    const files = writeDeck(['qr: true']);
    htmlFile = (await buildDeck(createTestOptions({ ...files, url: URL }))).outFile;
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reads back as the address on the first and last slides at 1280×720, big enough for the back of a room', async () => {
    const opened = await openDeck(browser, htmlFile, { viewport: VIEWPORTS[0] });
    const total = await opened.page.evaluate(() => Reveal.getTotalSlides());
    for (const index of [0, total - 1]) {
      await showSlide(opened.page, index);
      const code = opened.page.locator('section.present .dd-qr-code');
      const box = await code.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThanOrEqual(250);
      expect((box?.x ?? -1) + (box?.width ?? 0)).toBeLessThanOrEqual(1280);
      const png = await code.screenshot({ animations: 'disabled' });
      writeFileSync(join(screenshotDir('share'), `qr-slide-${index + 1}.png`), png);
      expect(decodeQrPng(png)).toBe(URL);
      await expect
        .poll(() => opened.page.locator('section.present .dd-qr figcaption').innerText())
        .toContain('ana-lema.github.io/costos-modelos/');
      expect(await code.getAttribute('aria-label')).toContain(URL);
      await opened.page.screenshot({ path: join(screenshotDir('share'), `slide-${index + 1}-1280x720.png`) });
    }
    // The CSP let everything in: no blocked style, script or request.
    expect(opened.problems).toEqual([]);
    await opened.context.close();
  });

  it('leaves the first and last slides with no serious or critical axe-core finding', async () => {
    const opened = await openDeck(browser, htmlFile, { viewport: VIEWPORTS[0] });
    await opened.page.evaluate(AXE_SOURCE);
    const total = await opened.page.evaluate(() => Reveal.getTotalSlides());
    for (const index of [0, total - 1]) {
      await showSlide(opened.page, index);
      const findings = await opened.page.evaluate(async () => {
        if (window.axe === undefined) throw new Error('axe-core is not loaded');
        const results = await window.axe.run(
          { include: ['section.present'] },
          { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } },
        );
        return results.violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map((violation) => violation.id);
      });
      expect(findings, `slide ${index + 1}`).toEqual([]);
    }
    await opened.context.close();
  });

  it('reads back as the address on the pages of the PDF (reveal print view)', async () => {
    const opened = await openDeck(browser, htmlFile, { query: 'print-pdf', isPrintView: true });
    const codes = opened.page.locator('.dd-qr-code');
    expect(await codes.count()).toBe(2);
    for (const index of [0, 1]) expect(decodeQrPng(await codes.nth(index).screenshot({ animations: 'disabled' }))).toBe(URL);
    await opened.context.close();
  });
});

describe.skipIf(isBrowserMissing)('the link-preview image', () => {
  it('is a 1200×630 JPEG under 300 kB, named by its content, the same bytes on every build, named by og:image', async () => {
    const first = writeDeck([]);
    const second = writeDeck([]);
    // From empty caches, as a clean checkout builds.
    const built = await buildDeck(createTestOptions({ ...first, url: URL, previewEnv: process.env, cacheDir: undefined }));
    await buildDeck(createTestOptions({ ...second, url: URL, previewEnv: process.env, cacheDir: undefined }));
    const [name] = previews(first.outDir);
    expect(name).toBeDefined();
    expect(previews(second.outDir)).toEqual([name]);
    const bytes = readFileSync(join(first.outDir, name ?? ''));
    expect(readFileSync(join(second.outDir, name ?? ''))).toEqual(bytes);
    expect(readJpegSize(bytes)).toEqual({ width: 1200, height: 630 });
    expect(bytes.byteLength).toBeLessThan(300 * 1024);
    expect(built.preview?.bytes).toBe(bytes.byteLength);
    writeFileSync(join(screenshotDir('share'), 'preview.jpg'), bytes);
    const html = readFileSync(join(first.outDir, 'index.html'), 'utf8');
    expect(html).toContain(`<meta property="og:image" content="${URL}${name}">`);
    expect(html).toContain('<meta property="og:image:width" content="1200">');
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
  }, 120_000);

  it('of an earlier build is replaced, not kept beside the new one, when the first slide changes', async () => {
    const files = writeDeck([]);
    await buildDeck(createTestOptions({ ...files, url: URL, previewEnv: process.env }));
    const [before] = previews(files.outDir);
    writeFileSync(files.dataFile, readFileSync(files.dataFile, 'utf8').replace('Actividad extracurricular 04', 'Actividad 05'));
    await buildDeck(createTestOptions({ ...files, url: URL, previewEnv: process.env }));
    const after = previews(files.outDir);
    expect(after.length).toBe(1);
    expect(after[0]).not.toBe(before);
    expect(statSync(join(files.outDir, after[0] ?? '')).size).toBeGreaterThan(10_000);
    expect(readFileSync(join(files.outDir, 'index.html'), 'utf8')).toContain(`${URL}${after[0]}`);
  }, 120_000);
});
