#!/usr/bin/env node
// npm run bench: build time, memory, size and load time of the default deck, against the targets of issue 5.
// Prints one table (median, min–max over --runs runs after a warm-up) and writes the same figures to
// .bench/results.json. Whole-process timings spawn the built CLI (lib/main.js) with plain node, in a work
// folder of their own, so their build cache (node_modules/.cache/datadeck there) is theirs to empty.
//
//   npm run bench [-- --runs 7] [-- --quick]     (--quick: 5 runs, no synthetic 1,000-model deck, no 10,000-row CSV, no dev loop)
// The browser rows come from scripts/measure-browser.mjs and the dev loop from scripts/bench-dev.mjs, when present; the
// first slide's paint against Marp CLI's from scripts/bench/first-slide.mjs, which installs Marp CLI on demand into
// .bench/peers/marp (scripts/bench/marp-peer.mjs) and reports why when npm cannot fetch it.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { repeat, runCli } from './bench/process.mjs';
import { firstSlideAlone, measureFirstSlides } from './bench/first-slide.mjs';
import { MARP_CLI_VERSION, prepareMarpPeer } from './bench/marp-peer.mjs';
import { summarize } from './bench/stats.mjs';
import { makeSyntheticDeck } from './bench/synthetic.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'lib', 'main.js');
const OUT = join(ROOT, '.bench');
const WORK = join(OUT, 'work');
const CODE_CACHE = join(ROOT, 'node_modules', '.cache', 'datadeck', 'v8');
const EDIT = { from: 'units: 2000', label: 'rows[4].units (Llama 3)' };

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, quick: { type: 'boolean', default: false } } });
const runs = values.quick ? 5 : Math.max(5, Number(values.runs));
if (!existsSync(CLI)) throw new Error('lib/main.js is missing: run `npm run compile` (npm run bench does) first');

const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model,
  cores: cpus().length,
  runs,
  loadBefore: loadavg(),
  rows: [],
};
const defaultYaml = readFileSync(join(ROOT, 'data', 'deck.yaml'), 'utf8');
if (!defaultYaml.includes(EDIT.from)) throw new Error(`data/deck.yaml no longer has "${EDIT.from}"; update the bench edit`);

function workDir(name, yaml) {
  const dir = join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'deck.yaml'), yaml);
  return dir;
}

const buildArgs = ['build', '--data', 'deck.yaml', '--out', 'dist'];
const emptyCache = (dir) => () => rmSync(join(dir, 'node_modules'), { recursive: true, force: true });

function record(row) {
  results.rows.push(row);
  const { median, min, max } = row.stats;
  const target = row.target === undefined ? '' : `${row.target.label.padEnd(10)} ${row.stats.median <= row.target.value ? '✔' : '✘'}`;
  console.log(
    `${row.label.padEnd(58)} ${fmt(median, row.unit).padStart(10)}  ${`${fmt(min, row.unit)}–${fmt(max, row.unit)}`.padStart(19)}  ${target}`,
  );
}

function fmt(value, unit) {
  if (unit === 'ms') return `${Math.round(value)} ms`;
  if (unit === 'MiB') return `${value.toFixed(0)} MiB`;
  if (unit === 'kB') return `${(value / 1000).toFixed(1)} kB`;
  if (unit === 'ratio') return `×${value.toFixed(2)}`;
  return String(value);
}

console.log(
  `datadeck bench · ${results.cpu} × ${results.cores} · node ${results.node} · load average ${results.loadBefore.map((v) => v.toFixed(2)).join(' ')}`,
);
console.log(`${'measure'.padEnd(58)} ${'median'.padStart(10)}  ${'min–max'.padStart(19)}  target`);

// The host's speed right now: this machine is a shared VM whose speed drifts by tens of percent between minutes,
// so two runs' figures compare only alongside this row (a fixed loop of JavaScript; lower is faster).
function measureHostSpeed() {
  return summarize(
    Array.from({ length: 5 }, () => {
      const started = performance.now();
      let sum = 0;
      for (let index = 0; index < 1e8; index += 1) sum += index % 7;
      if (sum < 0) throw new Error('unreachable: keeps the loop from being optimised away');
      return performance.now() - started;
    }),
  );
}
record({ id: 'host-speed', label: 'host speed: a fixed JavaScript loop (lower is faster)', unit: 'ms', stats: measureHostSpeed() });

// 0. Node's own start: the floor under every whole-process row.
const floorDir = workDir('floor', defaultYaml);
const nodeAlone = () => repeat({ runs, run: () => runCli({ args: ['-e', '0'], cwd: floorDir }) });
record({
  id: 'node-start',
  label: 'node -e 0 (Node starting and exiting: the floor)',
  unit: 'ms',
  stats: summarize((await nodeAlone()).map((sample) => sample.ms)),
});
// Node 20 reads the certificates NODE_EXTRA_CA_CERTS names as it starts, ~90 ms here; datadeck never uses the network.
const withoutExtraCerts = process.env.NODE_EXTRA_CA_CERTS === undefined ? undefined : { ...process.env, NODE_EXTRA_CA_CERTS: undefined };
if (withoutExtraCerts) {
  const samples = await repeat({ runs, run: () => runCli({ args: ['-e', '0'], cwd: floorDir, env: withoutExtraCerts }) });
  record({
    id: 'node-start-no-extra-certs',
    label: '  the same without NODE_EXTRA_CA_CERTS (set on this machine)',
    unit: 'ms',
    stats: summarize(samples.map((sample) => sample.ms)),
  });
}

// 1. The default deck, whole process.
const deckDir = workDir('default', defaultYaml);
const cold = (before) => repeat({ runs, before, run: () => runCli({ cli: CLI, args: buildArgs, cwd: deckDir }) });
const coldRss = (before) => repeat({ runs, before, run: () => runCli({ cli: CLI, args: buildArgs, cwd: deckDir, isRssMeasured: true }) });
const ms = (samples) => summarize(samples.map((sample) => sample.ms));
const rss = (samples) => summarize(samples.map((sample) => sample.rssMiB));

record({
  id: 'cold-no-cache',
  label: 'cold build, whole process, no chart cache (truly cold)',
  unit: 'ms',
  stats: ms(await cold(emptyCache(deckDir))),
  target: { value: 250, label: '≤ 250 ms' },
});
record({
  id: 'cold-no-cache-rss',
  label: '  peak memory (RSS)',
  unit: 'MiB',
  stats: rss(await coldRss(emptyCache(deckDir))),
  target: { value: 100, label: '≤ 100 MiB' },
});
record({
  id: 'cold-cached',
  label: 'cold build, whole process, chart cache on disk',
  unit: 'ms',
  stats: ms(await cold(() => {})),
  target: { value: 250, label: '≤ 250 ms' },
});
record({
  id: 'cold-cached-rss',
  label: '  peak memory (RSS)',
  unit: 'MiB',
  stats: rss(await coldRss(() => {})),
  target: { value: 100, label: '≤ 100 MiB' },
});
if (withoutExtraCerts) {
  const samples = await repeat({ runs, run: () => runCli({ cli: CLI, args: buildArgs, cwd: deckDir, env: withoutExtraCerts }) });
  record({
    id: 'cold-cached-no-extra-certs',
    label: '  the same without NODE_EXTRA_CA_CERTS',
    unit: 'ms',
    stats: ms(samples),
    target: { value: 250, label: '≤ 250 ms' },
  });
}
const noCodeCache = () => {
  emptyCache(deckDir)();
  rmSync(CODE_CACHE, { recursive: true, force: true });
};
// The peer: the same five charts as Vega-Lite spec files (test/fixtures/vega-lite-charts), which is what the default
// deck was before it declared them by kind. What declaring costs, or saves, on a truly cold build.
{
  const files = {
    hardwareCost: 'hardware-cost',
    units: 'accelerator-units',
    trainingTime: 'training-time',
    trainingEnergy: 'training-energy',
    inferenceEnergy: 'inference-energy',
  };
  const specYaml = defaultYaml.replace(/chart: \{ kind: [a-z-]+, value: (\w+) \}/g, (match, field) => `chart: ${files[field] ?? match}`);
  const specDir = workDir('spec-files', specYaml);
  cpSync(join(ROOT, 'test', 'fixtures', 'vega-lite-charts'), join(specDir, 'charts'), { recursive: true });
  const samples = await repeat({ runs, before: emptyCache(specDir), run: () => runCli({ cli: CLI, args: buildArgs, cwd: specDir }) });
  record({
    id: 'cold-no-cache-spec-files',
    label: '  the same five charts as Vega-Lite spec files (the peer)',
    unit: 'ms',
    stats: ms(samples),
  });
}
record({
  id: 'first-run',
  label: 'first run after install (no code cache, no chart cache)',
  unit: 'ms',
  stats: ms(await cold(noCodeCache)),
});
await runCli({ cli: CLI, args: ['--version'], cwd: deckDir }); // leaves the code cache made again for what follows

// 2. A one-figure edit rebuilt in one long-lived process (what the dev server does).
{
  const dir = workDir('warm', defaultYaml);
  const { buildDeck, createBuildCache } = await import(pathToFileURL(join(ROOT, 'lib', 'build.js')).href);
  const { createBuildOptions } = await import(pathToFileURL(join(ROOT, 'lib', 'options.js')).href);
  const options = createBuildOptions({ dataFile: join(dir, 'deck.yaml'), outDir: join(dir, 'dist'), cacheDir: join(dir, 'cache') });
  const cache = createBuildCache();
  const rebuild = async (index) => {
    writeFileSync(options.dataFile, defaultYaml.replace(EDIT.from, `units: ${2001 + index}`));
    const started = performance.now();
    await buildDeck(options, cache);
    return performance.now() - started;
  };
  // Early in a session (edits 6 to 5 + 3 × runs), while V8 is still compiling the code a rebuild runs…
  const warmups = 5;
  const early = [];
  for (let index = 0; index < warmups + runs * 3; index += 1) {
    const ms = await rebuild(index);
    if (index >= warmups) early.push(ms);
  }
  record({
    id: 'warm-rebuild',
    label: `warm rebuild in one process, one-figure edit (${EDIT.label})`,
    unit: 'ms',
    stats: summarize(early),
    target: { value: 20, label: '≤ 20 ms' },
  });
  // …and later, once it has optimised it (edits 101 to 100 + 3 × runs), as in a dev server that has been up a while.
  const later = [];
  for (let index = warmups + runs * 3; index < 100 + runs * 3; index += 1) {
    const ms = await rebuild(index);
    if (index >= 100) later.push(ms);
  }
  record({ id: 'warm-rebuild-later', label: '  the same from the 100th edit of the process on', unit: 'ms', stats: summarize(later) });
}

// 3. Synthetic decks: how the cost grows with the number of models (whole process, no chart cache).
const growth = {};
for (const count of values.quick ? [10, 100] : [10, 100, 1000]) {
  const dir = workDir(`models-${count}`, makeSyntheticDeck(defaultYaml, count));
  const samples = await repeat({
    runs: count >= 1000 ? 5 : runs,
    before: emptyCache(dir),
    run: () => runCli({ cli: CLI, args: buildArgs, cwd: dir }),
  });
  const bytes = readFileSync(join(dir, 'dist', 'index.html')).byteLength;
  growth[count] = { ...ms(samples), bytes };
  const target = count === 1000 ? { value: 1500, label: '≤ 1500 ms' } : undefined;
  record({
    id: `models-${count}`,
    label: `${count} models, whole process, no chart cache (${(bytes / 1e6).toFixed(2)} MB)`,
    unit: 'ms',
    stats: ms(samples),
    target,
  });
  const cached = await repeat({ runs: count >= 1000 ? 5 : runs, run: () => runCli({ cli: CLI, args: buildArgs, cwd: dir }) });
  record({ id: `models-${count}-cached`, label: `  the same, chart cache on disk`, unit: 'ms', stats: ms(cached) });
}
results.growth = growth;

// 4. The file: raw and gzip.
const html = readFileSync(join(deckDir, 'dist', 'index.html'));
const gzip = gzipSync(html, { level: 9 }).byteLength;
record({
  id: 'size-raw',
  label: 'output size, raw (one file: fonts, charts, notes included)',
  unit: 'kB',
  stats: summarize([html.byteLength]),
  target: { value: 300_000, label: '≤ 300 kB' },
});
record({
  id: 'size-gzip',
  label: 'output size, gzip -9',
  unit: 'kB',
  stats: summarize([gzip]),
  target: { value: 100_000, label: '≤ 100 kB' },
});

// 4b. The PowerPoint export of the same deck, whole process, chart cache on disk (the build above left it there).
//     With a browser, its one picture (the range chart) is drawn by Chromium; without one, that slide is left out.
const pptxArgs = ['pptx', '--data', 'deck.yaml', '--out', 'dist'];
record({
  id: 'pptx',
  label: 'PowerPoint export, whole process (npm run pptx)',
  unit: 'ms',
  stats: ms(await repeat({ runs, run: () => runCli({ cli: CLI, args: pptxArgs, cwd: deckDir }) })),
});
record({
  id: 'pptx-size',
  label: '  deck.pptx size',
  unit: 'kB',
  stats: summarize([readFileSync(join(deckDir, 'dist', 'deck.pptx')).byteLength]),
});

// 5. The browser: reveal ready from file:// and the PDF export, measured by scripts/measure-browser.mjs
//    (the browser engineer's script, shared with its tests' Chromium setup).
const browserBench = join(ROOT, 'scripts', 'measure-browser.mjs');
const browser = existsSync(browserBench) ? measureBrowser(browserBench) : { skipped: 'scripts/measure-browser.mjs is missing' };
if ('skipped' in browser) {
  console.log(`(browser timings skipped: ${browser.skipped})`);
} else {
  record({
    id: 'first-slide',
    label: 'navigation → reveal.js ready (keys work), file://',
    unit: 'ms',
    stats: summarize(browser.ready.readyRuns),
    target: { value: 100, label: '≤ 100 ms' },
  });
  record({
    id: 'first-paint',
    label: '  first frame painted after ready (median of the same runs)',
    unit: 'ms',
    stats: summarize([browser.ready.paintedMedianMs]),
  });
  record({
    id: 'first-slide-floor-blank',
    label: '  floor: a blank page saying ready, same browser and loop',
    unit: 'ms',
    stats: summarize(browser.ready.blankRuns),
  });
  record({
    id: 'first-slide-floor-reveal',
    label: "  floor: reveal.js alone, two slides, the deck's config",
    unit: 'ms',
    stats: summarize(browser.ready.revealOnlyRuns),
  });
  record({
    id: 'pdf',
    label: 'PDF export, whole process (npm run pdf)',
    unit: 'ms',
    stats: summarize(browser.pdf.runs),
    target: { value: 1200, label: '≤ 1200 ms' },
  });
}

// 5a. The first slide against Marp CLI's output of the same first slides: Largest and First Contentful Paint, both pages
//     opened in turn in fresh contexts of one Chromium (scripts/bench/first-slide.mjs, scripts/bench/marp-peer.mjs).
if (!('skipped' in browser)) {
  const marp = prepareMarpPeer(OUT);
  // The floor: a page of one heading, the deck's title, nothing else. No page paints its first slide sooner.
  const floor = join(WORK, 'first-slide-floor.html');
  writeFileSync(
    floor,
    '<!doctype html><html lang="es"><meta charset="utf-8"><title>floor</title><h1>Costos relacionados a los modelos de lenguaje</h1>',
  );
  // The deck's page cut to its first slide: its head, that slide and the pre-layout (scripts/bench/first-slide.mjs).
  const deckPage = join(deckDir, 'dist', 'index.html');
  const alone = join(WORK, 'first-slide-alone.html');
  writeFileSync(alone, firstSlideAlone(readFileSync(deckPage, 'utf8')));
  const pages = { datadeck: deckPage, alone, floor, ...('skipped' in marp ? {} : { marp: marp.html }) };
  const samples = await measureFirstSlides({ pages, runs: Math.max(runs * 3, 21) }); // noisy: more rounds than elsewhere
  const paints = (name, key) => samples[name].map((sample) => sample[key]);
  const lcp = (id, label, name) => record({ id, label, unit: 'ms', stats: summarize(paints(name, 'lcp')) });
  lcp('first-slide-lcp', 'navigation → first slide painted (LCP), file://, Chromium', 'datadeck');
  record({
    id: 'first-slide-fcp',
    label: '  first contentful paint (FCP), same runs',
    unit: 'ms',
    stats: summarize(paints('datadeck', 'fcp')),
  });
  lcp('first-slide-lcp-alone', "  the deck's page with its first slide alone (no other slide, no reveal.js), LCP", 'alone');
  lcp('first-slide-lcp-floor', '  floor: a page of one heading, same loop, LCP', 'floor');
  if ('skipped' in marp) {
    results.rows.push({ id: 'first-slide-marp', skipped: marp.skipped });
    console.log(`  peer: Marp CLI ${MARP_CLI_VERSION} skipped: ${marp.skipped}`);
  } else {
    lcp('first-slide-marp-lcp', `  peer: Marp CLI ${marp.version}, the same opening (${marp.slides} slides), LCP`, 'marp');
    record({ id: 'first-slide-marp-fcp', label: '  peer: its FCP', unit: 'ms', stats: summarize(paints('marp', 'fcp')) });
    // Each round opens the pages back to back, so a ratio per round compares them in the same minute of this machine.
    const ratios = (name) => paints(name, 'lcp').map((value, index) => value / (paints('marp', 'lcp')[index] ?? Number.NaN));
    record({
      id: 'first-slide-lcp-ratio',
      label: '  LCP datadeck / Marp (median of the rounds’ ratios)',
      unit: 'ratio',
      stats: summarize(ratios('datadeck'), { digits: 2 }),
      target: { value: 0.5, label: '≤ ×0.50' },
    });
    record({
      id: 'first-slide-lcp-ratio-alone',
      label: '  LCP first slide alone / Marp, same rounds',
      unit: 'ratio',
      stats: summarize(ratios('alone'), { digits: 2 }),
    });
    record({
      id: 'first-slide-lcp-ratio-floor',
      label: '  LCP floor / Marp, same rounds',
      unit: 'ratio',
      stats: summarize(ratios('floor'), { digits: 2 }),
    });
    results.firstSlidePeer = { tool: '@marp-team/marp-cli', version: marp.version, slides: marp.slides };
  }
}

function measureBrowser(script) {
  try {
    const json = execFileSync(process.execPath, [script, '--runs', String(runs), '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return JSON.parse(json);
  } catch (error) {
    return {
      skipped:
        String(error.stderr || error.message)
          .split('\n')
          .find((line) => line.trim() !== '') ?? 'it failed',
    };
  }
}

// 5b. Rows from a spreadsheet: 10,000 rows read from a CSV file (scripts/bench-sheets.mjs).
if (!values.quick) {
  const { benchSheets } = await import(pathToFileURL(join(ROOT, 'scripts', 'bench-sheets.mjs')).href);
  for (const row of await benchSheets({ runs: 5 })) record(row);
}

// 6. The dev loop, when scripts/bench-dev.mjs (the dev server's own bench) is there.
const devBench = join(ROOT, 'scripts', 'bench-dev.mjs');
if (!values.quick && existsSync(devBench)) {
  const { benchDev } = await import(pathToFileURL(devBench).href);
  const dev = await benchDev({ runs: Math.max(runs, 10), isBrowserUsed: !('skipped' in browser) });
  record({ id: 'dev-served', label: `dev loop: save → new deck served (${dev.edit})`, unit: 'ms', stats: summarize(dev.samples.served) });
  if (dev.samples.reloaded.length > 0)
    record({ id: 'dev-reloaded', label: '  save → page reloaded in Chromium', unit: 'ms', stats: summarize(dev.samples.reloaded) });
}

record({ id: 'host-speed-after', label: 'host speed again, at the end', unit: 'ms', stats: measureHostSpeed() });
results.loadAfter = loadavg();
const [per10, per100, per1000] = [10, 100, 1000].map((count) => growth[count]?.median);
if (per1000 !== undefined)
  console.log(
    `growth: 100 → 1,000 models costs ×${(per1000 / per100).toFixed(1)} (×10 is linear); 10 → 100: ×${(per100 / per10).toFixed(1)}`,
  );
console.log(`load average after: ${results.loadAfter.map((v) => v.toFixed(2)).join(' ')}`);
writeFileSync(join(OUT, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`figures written to ${join('.bench', 'results.json')}`);
