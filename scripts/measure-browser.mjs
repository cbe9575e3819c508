#!/usr/bin/env node
// Measures what the audience and the presenter wait for in a real browser, as medians:
//   pdf   — `node lib/main.js pdf`, the whole process (start, build, Chromium, print, write), 5 runs after 1 warm-up
//   ready — from navigation to reveal's 'ready' event (the first slide is painted before it, see
//           scripts/bench/first-slide.mjs), and the first frame painted after
//           it, in Chromium opening the built deck from file://, each run in a fresh browser context (no cache);
//           interleaved with two floors measured the same way: a blank page whose script says 'ready' at once,
//           and a two-slide page of reveal.js alone (its CSS, its JS, the deck's config, nothing of datadeck's)
// Usage: npm run compile && node scripts/measure-browser.mjs [--runs 5] [--only pdf|ready] [--json]
// Needs lib/ (npm run compile) and a Chromium (CHROME_PATH or the usual paths), like `npm run pdf`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { findBrowser } from '../lib/browser/find-browser.js';
import { blockNetwork, launchBrowser } from '../lib/browser/launch-browser.js';
import { REVEAL_CONFIG } from '../lib/page/bundle.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAIN = join(ROOT, 'lib/main.js');
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, only: { type: 'string' }, json: { type: 'boolean', default: false } },
});
const runs = Number(values.runs);

const median = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round = (ms) => Math.round(ms * 10) / 10;

function runDatadeck(args) {
  const started = performance.now();
  execFileSync(process.execPath, [MAIN, ...args], { cwd: ROOT, stdio: 'pipe' });
  return performance.now() - started;
}

function measurePdf(outDir) {
  runDatadeck(['pdf', '--out', outDir]); // warm-up: the OS file cache and datadeck's chart cache, as on a second export
  const times = Array.from({ length: runs }, () => runDatadeck(['pdf', '--out', outDir]));
  return { command: 'node lib/main.js pdf', runs: times.map(round), medianMs: round(median(times)) };
}

// The floors: what any page, and reveal.js with nothing of ours, cost in the same browser and the same loop.
function writeFloorPages(outDir) {
  const blank = join(outDir, 'blank.html');
  writeFileSync(blank, "<!doctype html><title>blank</title><script>document.dispatchEvent(new Event('ready'))</script>");
  const revealDir = join(ROOT, 'node_modules', 'reveal.js', 'dist');
  const revealOnly = join(outDir, 'reveal-only.html');
  writeFileSync(
    revealOnly,
    `<!doctype html><title>reveal.js</title><style>${readFileSync(join(revealDir, 'reveal.css'), 'utf8')}</style>` +
      '<div class="reveal"><div class="slides"><section><h1>Uno</h1></section><section><h1>Dos</h1></section></div></div>' +
      `<script>${readFileSync(join(revealDir, 'reveal.js'), 'utf8')}</script><script>Reveal.initialize(${JSON.stringify(REVEAL_CONFIG)})</script>`,
  );
  return { blank, revealOnly };
}

async function measureReady(outDir) {
  runDatadeck(['build', '--out', outDir]);
  const floors = writeFloorPages(outDir);
  const pages = { deck: join(outDir, 'index.html'), ...floors };
  const browser = await launchBrowser(findBrowser({ env: process.env }));
  try {
    const samples = Object.fromEntries(Object.keys(pages).map((name) => [name, []]));
    for (let run = 0; run < runs + 1; run += 1) {
      for (const [name, file] of Object.entries(pages)) {
        const sample = await openOnce(browser, pathToFileURL(file).href);
        if (run > 0) samples[name].push(sample); // the first round warms Chromium's process and disk caches
      }
    }
    const { deck } = samples;
    return {
      page: 'dist/index.html (default data) from file://, 1280×720, fresh context per run',
      readyRuns: deck.map((sample) => round(sample.ready)),
      readyMedianMs: round(median(deck.map((sample) => sample.ready))),
      paintedMedianMs: round(median(deck.map((sample) => sample.painted))),
      blankRuns: samples.blank.map((sample) => round(sample.ready)),
      revealOnlyRuns: samples.revealOnly.map((sample) => round(sample.ready)),
    };
  } finally {
    await browser.close();
  }
}

async function openOnce(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await blockNetwork(context);
  const page = await context.newPage();
  // performance.now() counts from the start of the navigation; the frame after 'ready' is the slide on screen.
  await page.addInitScript(() => {
    document.addEventListener(
      'ready',
      () => {
        window.__readyAt = performance.now();
        requestAnimationFrame(() => setTimeout(() => (window.__paintedAt = performance.now())));
      },
      { once: true },
    );
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__paintedAt !== undefined);
  const sample = await page.evaluate(() => ({ ready: window.__readyAt, painted: window.__paintedAt }));
  await context.close();
  return sample;
}

const outDir = mkdtempSync(join(tmpdir(), 'datadeck-measure-'));
try {
  const result = {};
  if (values.only !== 'ready') result.pdf = measurePdf(outDir);
  if (values.only !== 'pdf') result.ready = await measureReady(outDir);
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else {
    if (result.pdf)
      console.log(
        `pdf export (${result.pdf.command}, whole process): median ${result.pdf.medianMs} ms of ${runs} runs [${result.pdf.runs.join(', ')}]`,
      );
    if (result.ready) {
      console.log(
        `first slide in Chromium: reveal 'ready' median ${result.ready.readyMedianMs} ms, painted ${result.ready.paintedMedianMs} ms after navigation, ${runs} runs [${result.ready.readyRuns.join(', ')}]`,
      );
      console.log(
        `floors, same loop: blank page ${round(median(result.ready.blankRuns))} ms, reveal.js alone ${round(median(result.ready.revealOnlyRuns))} ms`,
      );
    }
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
