import { describe, expect, it } from 'vitest';
import type { Deck } from '../../../src/model.js';
import { buildChartRows } from '../../../src/charts/chart-data.js';
import { chartKey } from '../../../src/charts/charts.js';
import { readDefaultText } from '../../helpers.js';
import { DEFAULT_CHARTS, deckOf, replaceOnce } from '../support/inline-deck.js';

const TEXT = readDefaultText();
const edit = (from: string, to: string): Deck => deckOf(replaceOnce(TEXT, from, to));

/** The charts whose cache key an edit changes, i.e. the ones the next build renders again. */
function changedCharts(after: Deck, specs: ReadonlyMap<string, unknown> = DEFAULT_CHARTS): string[] {
  const before = deckOf(TEXT);
  const key = (deck: Deck, name: string, spec: unknown) =>
    chartKey({ name, spec, theme: {}, locale: deck.format.locale, rows: buildChartRows(deck) });
  return [...specs]
    .filter(([name, spec]) => key(before, name, spec) !== key(after, name, spec))
    .map(([name]) => name)
    .sort();
}

describe('chartKey: a figure edit re-renders only the charts that show it', () => {
  it('the default deck has the five charts these cases name', () => {
    expect([...DEFAULT_CHARTS.keys()]).toEqual([
      'accelerator-units',
      'hardware-cost',
      'inference-energy',
      'training-energy',
      'training-time',
    ]);
  });

  it('a unit count changes the units chart only', () => {
    expect(changedCharts(edit('units: 2000', 'units: 2400'))).toEqual(['accelerator-units']);
  });

  it('a hardware cost changes the cost chart only', () => {
    expect(changedCharts(edit('hardwareCost: 16000000', 'hardwareCost: 17000000'))).toEqual(['hardware-cost']);
  });

  it('a training energy changes the training-energy chart only', () => {
    expect(changedCharts(edit('trainingEnergy: 300 MWh', 'trainingEnergy: 350 MWh'))).toEqual(['training-energy']);
  });

  it("the same energy written in another unit changes the chart's labels, so it renders again", () => {
    expect(changedCharts(edit('trainingEnergy: 300 MWh', 'trainingEnergy: 0.3 GWh'))).toEqual(['training-energy']);
  });

  it('a row name changes every chart: each one labels its bars with it', () => {
    expect(changedCharts(edit('name: Llama 3', 'name: Llama 3.1'))).toEqual([...DEFAULT_CHARTS.keys()].sort());
  });

  it('a comment, which no chart shows, changes none', () => {
    expect(changedCharts(edit('comment: Usa hardware propio de Google.', 'comment: Hardware propio.'))).toEqual([]);
  });

  it('a field named only in the text table still counts: the summary sentence reads it', () => {
    const spec = {
      mark: 'bar',
      encoding: { y: { field: 'name' } },
      usermeta: { datadeck: { summary: 's', table: [{ title: 'U', field: 'units' }] } },
    };
    expect(changedCharts(edit('units: 2000', 'units: 2400'), new Map([['custom', spec]]))).toEqual(['custom']);
  });

  it('a spec that hands vega the whole datum depends on every field', () => {
    const spec = { mark: 'bar', transform: [{ calculate: 'toString(datum)', as: 'all' }], encoding: { y: { field: 'name' } } };
    expect(changedCharts(edit('units: 2000', 'units: 2400'), new Map([['custom', spec]]))).toEqual(['custom']);
  });
});
