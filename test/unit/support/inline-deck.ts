import { readdirSync, readFileSync } from 'node:fs';
import { deriveDeck } from '../../../src/data/derive.js';
import { parseData } from '../../../src/data/load.js';
import { validateDataset } from '../../../src/data/validate.js';
import { DeckError, type Problem } from '../../../src/errors/deck-error.js';
import type { Dataset, Deck, TemplateSources } from '../../../src/model.js';
import { analyzeLayouts, type LayoutInfo } from '../../../src/slides/layouts.js';
import { ROOT } from '../../helpers.js';

/** What the unit tests of validate, derive, sentences and tables share: small YAML decks, validated like a build does. */

export const FILE = 'deck.yaml';

function readNamed(dir: string, extension: string): Map<string, string> {
  const files = readdirSync(`${ROOT}${dir}`)
    .filter((file) => file.endsWith(extension))
    .sort();
  return new Map(files.map((file) => [file.slice(0, -extension.length), readFileSync(`${ROOT}${dir}/${file}`, 'utf8')]));
}

export const TEMPLATES: TemplateSources = {
  shell: readFileSync(`${ROOT}templates/deck.hbs`, 'utf8'),
  layouts: readNamed('templates/layouts', '.hbs'),
  partials: readNamed('templates/partials', '.hbs'),
};

/** The real layouts of templates/layouts, with the keys their templates show. */
export const LAYOUTS: ReadonlyMap<string, LayoutInfo> = analyzeLayouts(TEMPLATES);

/**
 * Vega-Lite spec files drawing the default deck's five charts, as the deck drew them before it declared them by
 * kind: they test charts written as spec files (charts/<name>.vl.json next to the data).
 */
export const DEFAULT_CHARTS: ReadonlyMap<string, unknown> = new Map(
  [...readNamed('test/fixtures/vega-lite-charts', '.vl.json')].map(([name, source]): [string, unknown] => [name, JSON.parse(source)]),
);

const CHART_FILES: Readonly<Record<string, string>> = {
  hardwareCost: 'hardware-cost',
  units: 'accelerator-units',
  trainingTime: 'training-time',
  trainingEnergy: 'training-energy',
  inferenceEnergy: 'inference-energy',
};

/** The default deck with each declared chart (chart: { kind: bars, value: units }) naming its spec file instead. */
export function withChartFiles(text: string): string {
  const replaced = text.replace(
    /chart: \{ kind: [a-z-]+, value: (\w+) \}/g,
    (match, field: string) => `chart: ${CHART_FILES[field] ?? match}`,
  );
  if (!Object.values(CHART_FILES).every((name) => replaced.includes(`chart: ${name}`)))
    throw new Error('the default deck no longer declares its five charts as withChartFiles expects');
  return replaced;
}

/** The theme's Vega-Lite config. */
export const CHART_CONFIG: unknown = JSON.parse(readFileSync(`${ROOT}templates/themes/aula.vl-config.json`, 'utf8'));

export function validateText(text: string, charts: ReadonlyMap<string, unknown> = DEFAULT_CHARTS): Dataset {
  return validateDataset({ data: parseData(text, FILE), file: FILE, text, layouts: LAYOUTS, charts, sentences: new Map() });
}

/** Every problem validate reports for the text, located; [] when it is valid. */
export function problemsOf(text: string, charts: ReadonlyMap<string, unknown> = DEFAULT_CHARTS): Problem[] {
  try {
    validateText(text, charts);
  } catch (error) {
    if (error instanceof DeckError) return [...error.problems];
    throw error;
  }
  return [];
}

/** validate → derive: the deck the later stages receive. */
export function deckOf(text: string, charts: ReadonlyMap<string, unknown> = DEFAULT_CHARTS): Deck {
  return deriveDeck(validateText(text, charts));
}

/**
 * A whole data file from its fields, rows and (optionally) slides, each written as the YAML under its key,
 * indented by two spaces. The meta block takes 6 lines, so `fields:` is line 7.
 */
export function yamlDeck(parts: { fields: string; rows: string; slides?: string; locale?: 'es' | 'en' }): string {
  return [
    'meta:',
    '  title: Una prueba',
    '  author: Ana Pérez',
    '  date: 2025-11-02',
    `  locale: ${parts.locale ?? 'es'}`,
    '  theme: aula',
    'fields:',
    indent(parts.fields),
    'rows:',
    indent(parts.rows),
    'slides:',
    indent(parts.slides ?? '- layout: title'),
    '',
  ].join('\n');
}

function indent(block: string): string {
  const lines = block.replace(/^\n+|\s+$/g, '').split('\n');
  const margin = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)?.[0].length ?? 0));
  return lines.map((line) => `  ${line.slice(margin)}`).join('\n');
}

/** 1-based line and column where `search` first appears in `text` (after `from` when given). */
export function positionOf(text: string, search: string, from?: string): { line: number; column: number } {
  const start = from === undefined ? 0 : text.indexOf(from);
  const offset = text.indexOf(search, Math.max(0, start));
  if (start < 0 || offset < 0) throw new Error(`the text has no "${search}"`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** The text with the first occurrence of `from` replaced; a test fails loudly if the text has no `from`. */
export function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`the text has no "${from}"`);
  return text.replace(from, to);
}

/** A deck's row by name, and one of its cells. */
export function cellOf(deck: Deck, row: string, field: string) {
  const found = deck.rows.find((candidate) => candidate.name === row);
  if (found === undefined) throw new Error(`no row ${row}`);
  return found.cells.get(field);
}
