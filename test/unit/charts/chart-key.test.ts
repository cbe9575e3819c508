import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Deck } from '../../../src/model.js';
import { DatasetSchema } from '../../../src/data/deck-schema.js';
import { buildChartRows } from '../../../src/charts/chart-data.js';
import { chartKey } from '../../../src/charts/charts.js';
import { deriveDeck } from '../../../src/data/derive.js';
import { ROOT, readDefaultText } from '../../helpers.js';

const TEXT = readDefaultText();
const SPECS = new Map(
  readdirSync(`${ROOT}templates/charts`)
    .filter((file) => file.endsWith('.vl.json'))
    .map((file): [string, unknown] => [file.replace(/\.vl\.json$/, ''), JSON.parse(readFileSync(`${ROOT}templates/charts/${file}`, 'utf8'))]),
);
const deckOf = (text: string): Deck => deriveDeck(DatasetSchema.parse(parse(text)));
const edit = (from: string, to: string): Deck => deckOf(TEXT.replace(from, to));

/** The charts whose cache key an edit changes, i.e. the ones the next build renders again. */
function changedCharts(after: Deck, specs: ReadonlyMap<string, unknown> = SPECS): string[] {
  const before = deckOf(TEXT);
  const key = (deck: Deck, name: string, spec: unknown) => chartKey({ name, spec, theme: {}, locale: deck.format.locale, rows: buildChartRows(deck) });
  return [...specs].filter(([name, spec]) => key(before, name, spec) !== key(after, name, spec)).map(([name]) => name).sort();
}

describe('chartKey: a figure edit re-renders only the charts that show it', () => {
  it('a unit count changes the units chart only', () => {
    expect(changedCharts(edit('units: 2000', 'units: 2400'))).toEqual(['accelerator-units']);
  });

  it('a hardware cost changes the cost chart only', () => {
    expect(changedCharts(edit('hardwareCostUsd: 16000000', 'hardwareCostUsd: 17000000'))).toEqual(['hardware-cost']);
  });

  it('a training energy changes the training-energy chart only', () => {
    expect(changedCharts(edit('trainingEnergy: 300 MWh', 'trainingEnergy: 350 MWh'))).toEqual(['training-energy']);
  });

  it('a model name changes every chart: each one labels its bars with it', () => {
    expect(changedCharts(edit('name: Llama 3', 'name: Llama 3.1'))).toEqual([...SPECS.keys()].sort());
  });

  it('a comment, which no chart shows, changes none', () => {
    expect(changedCharts(edit('comment: Usa hardware propio de Google.', 'comment: Hardware propio.'))).toEqual([]);
  });

  it('a field named only in the text table still counts: the summary sentence reads it', () => {
    const spec = { mark: 'bar', encoding: { y: { field: 'model' } }, usermeta: { datadeck: { summary: 's', table: [{ title: 'U', field: 'unitsLabel' }] } } };
    expect(changedCharts(edit('units: 2000', 'units: 2400'), new Map([['custom', spec]]))).toEqual(['custom']);
  });

  it('a spec that hands vega the whole datum depends on every field', () => {
    const spec = { mark: 'bar', transform: [{ calculate: 'toString(datum)', as: 'all' }], encoding: { y: { field: 'model' } } };
    expect(changedCharts(edit('units: 2000', 'units: 2400'), new Map([['custom', spec]]))).toEqual(['custom']);
  });
});
