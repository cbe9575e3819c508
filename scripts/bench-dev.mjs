#!/usr/bin/env node
// The dev loop, measured: save a one-figure edit of the default deck, time until the new deck is served
// (the server's update event, sent after the atomic write) and until Chromium shows it (the open page swaps
// in the new slides, or reloads when more than the slides changed).
//
//   npm run compile && node scripts/bench-dev.mjs [--runs 15] [--no-browser]
//
// As a module (the main bench): `const result = await benchDev({ runs, isBrowserUsed, chromiumPath })` →
//   { runs, edit, buildMs, servedMs, reloadedMs, samples: { served: number[], reloaded: number[] } }: medians in
//   ms (buildMs is the rebuild as the server's own line reports it), reloadedMs null without a browser, samples
//   for the caller's own statistics. It spawns `node lib/main.js dev` as a user would, on a free port, on a
//   temporary copy of data/deck.yaml, and stops it with SIGINT before returning.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EDIT = 'rows[4].units (Llama 3)';
const WARMUP_RUNS = 2;
// The server's line per rebuild ends with the build's own time: "rows[4].units 2000 → 2001 · 2 slides, 1 chart · 18 ms".
const BUILD_LINE = /^rows\[4\]\.units .* · (\d+) ms$/gm;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

/** Medians of `runs` one-figure edits; see the header for the result's shape. */
export async function benchDev({ runs = 15, isBrowserUsed = true, chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium' } = {}) {
  if (!existsSync(join(ROOT, 'lib', 'main.js'))) throw new Error('lib/ is missing: run `npm run compile` first');
  const dir = mkdtempSync(join(tmpdir(), 'datadeck-bench-dev-'));
  const dataFile = join(dir, 'deck.yaml');
  const original = readFileSync(join(ROOT, 'data', 'deck.yaml'), 'utf8');
  if (!original.includes('units: 2000')) throw new Error('data/deck.yaml no longer has Llama 3 at "units: 2000"; update the bench edit');
  writeFileSync(dataFile, original);
  const server = await startDevProcess(dataFile, join(dir, 'dist'));
  const samples = { served: [], reloaded: [] };
  // Figures no earlier run used, so the chart is really rendered, not read back from the on-disk chart cache.
  const firstUnits = 2001 + Math.floor(Math.random() * 1e6);
  let events;
  let browser;
  try {
    events = await openEvents(server.port);
    browser = isBrowserUsed ? await openDeck(chromiumPath, server.port) : undefined;
    for (let run = 0; run < WARMUP_RUNS + runs; run += 1) {
      const units = firstUnits + run;
      const sample = await measureEdit({ dataFile, text: original.replace('units: 2000', `units: ${units}`), events, browser });
      await assertServed(server.port, units);
      if (run < WARMUP_RUNS) continue;
      samples.served.push(sample.served);
      if (sample.reloaded !== undefined) samples.reloaded.push(sample.reloaded);
    }
  } finally {
    await browser?.close();
    events?.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const buildMs = server.buildTimes().slice(WARMUP_RUNS);
  return {
    runs,
    edit: EDIT,
    buildMs: median(buildMs),
    servedMs: median(samples.served),
    reloadedMs: samples.reloaded.length > 0 ? median(samples.reloaded) : null,
    samples,
  };
}

const now = () => performance.timeOrigin + performance.now();

async function measureEdit({ dataFile, text, events, browser }) {
  const nextState = events.next();
  const saved = now();
  writeFileSync(dataFile, text);
  const served = (await nextState) - saved;
  const shownAt = await browser?.nextUpdate(saved);
  return { served, reloaded: shownAt === undefined ? undefined : shownAt - saved };
}

function startDevProcess(dataFile, outDir) {
  const child = spawn(process.execPath, [join(ROOT, 'lib', 'main.js'), 'dev', '--port', '0', '--data', dataFile, '--out', outDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const port = /serving http:\/\/localhost:(\d+)\//.exec(output)?.[1];
      if (port === undefined) return;
      child.stdout.off('data', onData);
      child.stdout.on('data', (more) => (output += more));
      resolve({
        port: Number(port),
        buildTimes: () => [...output.matchAll(BUILD_LINE)].map((match) => Number(match[1])),
        stop: () => {
          child.kill('SIGINT');
          return exited;
        },
      });
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    exited.then((code) => reject(new Error(`datadeck dev exited (${code}) before serving:\n${output}`)));
  });
}

/** The server's event stream; next() resolves with the arrival time of the next state that is a new version. */
function openEvents(port) {
  return new Promise((resolve, reject) => {
    const request = get({ host: '127.0.0.1', port, path: '/__datadeck/events' }, (response) => {
      let buffer = '';
      let version;
      let waiting;
      response.setEncoding('utf8').on('data', (chunk) => {
        const arrived = now();
        buffer += chunk;
        const blocks = buffer.split('\n\n');
        buffer = blocks.pop() ?? '';
        for (const block of blocks) {
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (data === undefined) continue;
          const state = JSON.parse(data);
          if (state.error !== null) waiting?.reject(new Error(`the edit failed to build:\n${state.error}`));
          else if (state.version !== version && version !== undefined) waiting?.resolve(arrived);
          version = state.version;
        }
      });
      resolve({
        next: () => new Promise((resolveNext, rejectNext) => (waiting = { resolve: resolveNext, reject: rejectNext })),
        close: () => request.destroy(),
      });
    });
    request.on('error', reject);
  });
}

async function openDeck(executablePath, port) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  // Taken inside the page, so polling and protocol delays do not count: the new slides swapped in place
  // (the usual case) or, when more than the slides changed, the reloaded page's load event.
  await page.addInitScript(() => {
    const stamp = () => (window.__shownAt = performance.timeOrigin + performance.now());
    window.addEventListener('load', stamp);
    document.addEventListener('datadeck:updated', stamp);
  });
  await page.goto(`http://localhost:${port}/#/6`);
  await page.waitForFunction(() => window.Reveal?.isReady());
  return {
    nextUpdate: async (saved) => {
      const shown = await page.waitForFunction((after) => window.__shownAt > after && window.Reveal?.isReady() && window.__shownAt, saved);
      return shown.jsonValue();
    },
    close: () => browser.close(),
  };
}

async function assertServed(port, units) {
  const html = await new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: '/' }, (response) => {
      let body = '';
      response
        .setEncoding('utf8')
        .on('data', (chunk) => (body += chunk))
        .on('end', () => resolve(body));
    }).on('error', reject);
  });
  const shown = new Intl.NumberFormat('es', { useGrouping: 'always' }).format(units);
  if (!html.includes(`× ${shown}`)) throw new Error(`the served deck does not show ${shown} units`);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return Math.round(value * 10) / 10;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' }, 'no-browser': { type: 'boolean', default: false } } });
  const result = await benchDev({ runs: Number(values.runs), isBrowserUsed: !values['no-browser'] });
  console.log(`dev loop · one-figure edit of the default deck, ${EDIT} · ${result.runs} runs (after ${WARMUP_RUNS} warm-up)`);
  console.log(`  saved → served     median ${result.servedMs} ms   (target < 50 ms; the rebuild itself: ${result.buildMs} ms)`);
  if (result.reloadedMs !== null) console.log(`  saved → reloaded   median ${result.reloadedMs} ms   (Chromium, target < 150 ms)`);
}
