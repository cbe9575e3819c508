// The first slide as the browser reports it: Largest Contentful Paint and First Contentful Paint of pages opened
// from file:// at 1280×720, each run in a fresh Chromium context, the pages interleaved run by run so that a
// slow minute of this shared machine slows all of them alike, each round starting with the next page.
// Used by npm run bench (the datadeck/Marp ratio); alone: npm run compile && node scripts/bench/first-slide.mjs [--runs 11] [--baseline other/index.html]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { findBrowser } from '../../lib/browser/find-browser.js';
import { blockNetwork, launchBrowser } from '../../lib/browser/launch-browser.js';

/** After load, how long the page is left to settle before its paint entries are read (reveal starts after paint). */
const SETTLE_MS = 500;

/** Opens each of `pages` ({ name: file }) `runs` times after one warm-up round; resolves with { name: samples[] }. */
export async function measureFirstSlides({ pages, runs }) {
  const browser = await launchBrowser(findBrowser({ env: process.env }));
  try {
    const samples = Object.fromEntries(Object.keys(pages).map((name) => [name, []]));
    const entries = Object.entries(pages);
    for (let run = 0; run < runs + 1; run += 1) {
      // Each round starts with the next page, so that no page is always the one opened after another's teardown.
      const order = entries.map((_, index) => entries[(index + run) % entries.length]);
      for (const [name, file] of order) {
        const sample = await openOnce(browser, pathToFileURL(file).href);
        if (run > 0) samples[name].push(sample); // the first round warms Chromium's process and disk caches
      }
    }
    return samples;
  } finally {
    await browser.close();
  }
}

async function openOnce(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    await blockNetwork(context);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_MS);
    return await page.evaluate(readPaintEntries);
  } finally {
    await context.close();
  }
}

// Runs in the page: the buffered entries, times in ms from the start of navigation.
function readPaintEntries() {
  return new Promise((resolve) => {
    new PerformanceObserver((list, observer) => {
      observer.disconnect();
      const last = list.getEntries().at(-1);
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const element = last?.element;
      resolve({
        lcp: last?.startTime ?? Number.NaN,
        fcp: fcp?.startTime ?? Number.NaN,
        lcpElement: element ? `${element.localName}${element.className ? `.${String(element.className).split(' ')[0]}` : ''}` : '',
        entries: list.getEntries().length,
      });
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
}

/**
 * The deck's page cut down to what its first frame needs: the same <head> (CSS, font, head scripts), the first slide
 * and the pre-layout script after it; no other slide, no reveal.js. No arrangement of the rest of the page paints
 * the first slide sooner than this page does, so it bounds what moving work out of the way can gain.
 */
export function firstSlideAlone(html) {
  const open = '<div class="slides">\n';
  const start = html.indexOf(open);
  const end = html.indexOf('\n</div>\n</div>\n', start);
  const second = html.indexOf('\n<section', start + open.length);
  const scripts = [...html.slice(end).matchAll(/<script>[\s\S]*?<\/script>\n?/g)];
  if (start < 0 || end < 0 || second < 0 || second > end || scripts.length < 2 || !scripts[0][0].includes('classList.add("present")')) {
    throw new Error('firstSlideAlone: the page no longer has the shape it expects (slides, then the pre-layout script)');
  }
  const tail = html.slice(end);
  const rest = scripts.slice(1).reduce((text, [script]) => text.replace(script, ''), tail);
  return html.slice(0, second) + rest;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '11' }, deck: { type: 'string' }, baseline: { type: 'string' } },
  });
  const { execFileSync } = await import('node:child_process');
  const { readFileSync, writeFileSync } = await import('node:fs');
  const { prepareMarpPeer } = await import('./marp-peer.mjs');
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const outDir = mkdtempSync(join(tmpdir(), 'datadeck-first-slide-'));
  try {
    const deck = values.deck ?? join(outDir, 'index.html');
    if (values.deck === undefined) execFileSync(process.execPath, [join(root, 'lib', 'main.js'), 'build', '--out', outDir], { cwd: root });
    const floor = join(outDir, 'floor.html');
    writeFileSync(
      floor,
      '<!doctype html><html lang="es"><meta charset="utf-8"><title>floor</title><h1>Costos relacionados a los modelos de lenguaje</h1>',
    );
    const alone = join(outDir, 'first-slide-alone.html');
    writeFileSync(alone, firstSlideAlone(readFileSync(deck, 'utf8')));
    const marp = prepareMarpPeer(join(root, '.bench'));
    if ('skipped' in marp) console.log(`Marp skipped: ${marp.skipped}`);
    // --baseline another build of the deck (e.g. the main branch's), measured in the same rounds.
    const pages = {
      datadeck: deck,
      ...(values.baseline ? { baseline: values.baseline } : {}),
      alone,
      floor,
      ...('skipped' in marp ? {} : { marp: marp.html }),
    };
    const samples = await measureFirstSlides({ pages, runs: Number(values.runs) });
    const median = (numbers) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)];
    for (const [name, list] of Object.entries(samples)) {
      const ratio = samples.marp
        ? ` · LCP / Marp's, median of the rounds: ×${median(list.map((sample, index) => sample.lcp / samples.marp[index].lcp)).toFixed(2)}`
        : '';
      console.log(
        `${name.padEnd(9)} LCP ${median(list.map((sample) => sample.lcp)).toFixed(0)} ms, FCP ${median(list.map((sample) => sample.fcp)).toFixed(0)} ms${ratio} (LCP element ${list[0]?.lcpElement})`,
      );
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
