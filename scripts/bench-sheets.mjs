#!/usr/bin/env node
// Rows from a spreadsheet at scale (issue 14): 10,000 rows in a CSV file, as Excel exports it in Spanish, built by
// the CLI in a whole process: the time from spawn to exit and the peak memory, against 3 s and 300 MiB. The same
// rows written in the YAML are measured alongside, so the cost of reading the CSV shows apart from the rest.
// Part of `npm run bench`; alone: `npm run compile && node scripts/bench-sheets.mjs [--runs 5] [--rows 10000]`.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { repeat, runCli } from './bench/process.mjs';
import { summarize } from './bench/stats.mjs';
import { makeSyntheticDeck } from './bench/synthetic.mjs';
import { makeSyntheticSheetDeck } from './bench/synthetic-sheet.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'lib', 'main.js');
const WORK = join(ROOT, '.bench', 'work');
const BUILD_ARGS = ['build', '--data', 'deck.yaml', '--out', 'dist'];

function workDir(name, files) {
  const dir = join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

/** Rows of the bench table: label, unit, stats and target, as scripts/bench.mjs records them. */
export async function benchSheets({ runs = 5, rowCount = 10_000 } = {}) {
  if (!existsSync(CLI)) throw new Error('lib/main.js is missing: run `npm run compile` first');
  const defaultYaml = readFileSync(join(ROOT, 'data', 'deck.yaml'), 'utf8');
  const { yaml, csv } = makeSyntheticSheetDeck(defaultYaml, rowCount);
  const sheetDir = workDir(`sheet-${rowCount}`, { 'deck.yaml': yaml, 'modelos.csv': csv });
  const yamlDir = workDir(`yaml-${rowCount}`, { 'deck.yaml': makeSyntheticDeck(defaultYaml, rowCount) });
  // Charts come from the build cache after the warm-up, as in a student's second build: the chart cost is not the sheet's.
  const time = (cwd) => repeat({ runs, run: () => runCli({ cli: CLI, args: BUILD_ARGS, cwd }) });
  const memory = (cwd) => repeat({ runs: Math.min(runs, 3), run: () => runCli({ cli: CLI, args: BUILD_ARGS, cwd, isRssMeasured: true }) });
  const rows = `${rowCount.toLocaleString('en')} rows`;
  const sheet = summarize((await time(sheetDir)).map((sample) => sample.ms));
  const sheetRss = summarize((await memory(sheetDir)).map((sample) => sample.rssMiB));
  const inYaml = summarize((await time(yamlDir)).map((sample) => sample.ms));
  return [
    {
      id: `sheet-csv-${rowCount}`,
      label: `${rows} from CSV (;, decimal comma), whole process`,
      unit: 'ms',
      stats: sheet,
      target: { value: 3000, label: '≤ 3000 ms' },
    },
    {
      id: `sheet-csv-${rowCount}-rss`,
      label: '  peak memory (RSS)',
      unit: 'MiB',
      stats: sheetRss,
      target: { value: 300, label: '≤ 300 MiB' },
    },
    { id: `sheet-yaml-${rowCount}`, label: `  the same ${rows} written in the YAML`, unit: 'ms', stats: inYaml },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, rows: { type: 'string', default: '10000' } } });
  for (const row of await benchSheets({ runs: Number(values.runs), rowCount: Number(values.rows) })) {
    const { median, min, max } = row.stats;
    const unit = row.unit === 'ms' ? ' ms' : ' MiB';
    const verdict = row.target === undefined ? '' : `  ${row.target.label} ${median <= row.target.value ? '✔' : '✘'}`;
    console.log(
      `${row.label.padEnd(58)} ${`${Math.round(median)}${unit}`.padStart(10)}  ${`${Math.round(min)}–${Math.round(max)}${unit}`.padStart(16)}${verdict}`,
    );
  }
}
