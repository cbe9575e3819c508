import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderCharts } from '../../../src/charts/charts.js';
import { readDeclaredChart } from '../../../src/charts/declared.js';
import { prepareChart } from '../../../src/charts/declared-data.js';
import { niceDomain, placePointLabels } from '../../../src/charts/point-labels.js';
import { loadTextMeasure, wrapText, type TextMeasure } from '../../../src/charts/text-metrics.js';
import { messages } from '../../../src/errors/messages.js';
import type { Charts, Deck } from '../../../src/model.js';
import { readDefaultText, ROOT } from '../../helpers.js';
import { CHART_CONFIG, deckOf, problemsOf, replaceOnce, yamlDeck } from '../support/inline-deck.js';

const THEME_CSS = readFileSync(`${ROOT}templates/themes/aula.css`, 'utf8');
const FONT_URL = '@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2';
const FONT = new Uint8Array(readFileSync(`${ROOT}node_modules/${FONT_URL}`));
const FONTS = { css: THEME_CSS, files: new Map([[FONT_URL, FONT]]) };

/** The texts a reader sees in an SVG, with no-break spaces as spaces. */
function textsOf(svg: string): string[] {
  const unescapeText = (text: string) => text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  return [...svg.matchAll(/<(?:text|tspan)[^>]*>([^<]+)<\/(?:text|tspan)>/g)].map((match) =>
    unescapeText(match[1] ?? '').replaceAll('\u00a0', ' '),
  );
}

function svgOf(charts: Charts, id: string): string {
  const chart = charts.get(id);
  if (chart === undefined) throw new Error(`no chart ${id}`);
  return chart.svg;
}

const FIELDS = `
name:   { type: text, label: Oferta }
kind:   { type: category, values: [Nube, Local], label: Tipo }
price:  { type: money, label: Precio, optional: true }
energy: { type: quantity, unit: MWh, label: Energía }
share:  { type: percent, label: Cuota }
weeks:  { type: range, unit: week, label: Plazo }
launch: { type: date, label: Lanzamiento }
`;
const ROWS = `
- { name: A, kind: Nube, price: 2000000, energy: 1500, share: 50, weeks: { min: 2, max: 4 }, launch: 2020 }
- { name: B, kind: Local, price: 500000, energy: 800, share: 30, weeks: 3, launch: 2022 }
- { name: C, kind: Nube, energy: 90, share: 20, weeks: 1, launch: 2024 }
`;

function chartDeck(chart: string, rows = ROWS): string {
  return yamlDeck({ fields: FIELDS, rows, slides: `- layout: chart\n  title: Un gráfico\n  caption: Cada oferta.\n  chart: ${chart}` });
}

describe('a chart declared by kind is checked against the fields', () => {
  it('takes the first field as the category and sorts largest first by default', () => {
    const deck = deckOf(chartDeck('{ kind: bars, value: price }'));
    const read = readDeclaredChart({ kind: 'bars', value: 'price' }, [...deck.fields.values()]);
    expect('chart' in read && read.chart).toMatchObject({
      kind: 'bars',
      category: { name: 'name' },
      values: [{ name: 'price' }],
      sort: 'descending',
      orientation: 'horizontal',
      limit: 20,
      labels: true,
    });
  });

  it('refuses a text field on a numeric axis and lists the fields that fit', () => {
    const problems = problemsOf(chartDeck('{ kind: bars, value: kind }'));
    expect(problems).toMatchObject([
      {
        code: 'chart',
        dataPath: ['slides', 0, 'chart', 'value'],
        ...messages.chartFieldType('value', 'kind', 'category', 'number', ['price', 'energy', 'share']),
      },
    ]);
  });

  it('wants a range field for range bars and a number or date on the x axis of a line', () => {
    expect(problemsOf(chartDeck('{ kind: range-bars, value: price }'))[0]?.message).toBe(
      messages.chartFieldType('value', 'price', 'money', 'range', []).message,
    );
    expect(problemsOf(chartDeck('{ kind: line, x: kind, y: price }'))[0]?.hint).toContain('"price", "energy", "share", "launch"');
  });

  it('reports every problem of one chart at once', () => {
    const problems = problemsOf(chartDeck('{ kind: scatter, x: nombre, y: price, sort: up }'));
    expect(problems.map((problem) => (problem.dataPath ?? []).slice(3).join('.'))).toEqual(['x', 'sort']);
  });

  it('takes either values or value with split for grouped bars, not both', () => {
    expect(problemsOf(chartDeck('{ kind: grouped-bars, values: [price], value: price, split: kind }'))[0]?.message).toBe(
      messages.chartGroups('grouped-bars', '').message,
    );
    expect(problemsOf(chartDeck('{ kind: stacked-bars, value: energy }'))[0]?.message).toBe(
      messages.chartOptionMissing('split', 'stacked-bars', '').message,
    );
    expect(problemsOf(chartDeck('{ kind: stacked-bars, value: energy, split: kind }'))).toEqual([]);
  });

  it('refuses a colour that is not a hex colour', () => {
    expect(problemsOf(chartDeck('{ kind: bars, value: price, colors: { Nube: red } }'))).toMatchObject([
      { dataPath: ['slides', 0, 'chart', 'colors', 'Nube'], ...messages.chartColor('red') },
    ]);
  });
});

describe("a declared chart's figures are the table's", () => {
  const prepare = (chart: Record<string, unknown>, text = chartDeck('{ kind: bars, value: price }')) => {
    const deck = deckOf(text);
    const read = readDeclaredChart(chart, [...deck.fields.values()]);
    if (!('chart' in read)) throw new Error(JSON.stringify(read.problems));
    const prepared = prepareChart(read.chart, deck, deck.format.words.chart);
    // Figures keep their unit on the same line with a no-break space; compare as a reader sees them.
    const plain = (text: string | undefined) => text?.replaceAll('\u00a0', ' ');
    return {
      ...prepared,
      total: plain(prepared.total),
      marks: prepared.marks.map((mark) => ({ ...mark, t: plain(mark.t) ?? '', p: plain(mark.p) })),
    };
  };

  it('labels a missing figure with the missing text and draws no bar for it', () => {
    const prepared = prepare({ kind: 'bars', value: 'price' });
    expect(prepared.marks.map((mark) => [mark.c, mark.v, mark.t, mark.m])).toEqual([
      ['A', 2, '2.000.000 US$', false],
      ['B', 0.5, '500.000 US$', false],
      ['C', null, 'no reportado', true],
    ]);
    expect(prepared.value.title).toBe('Precio (millones de US$)');
  });

  it('keeps a quantity axis in the unit its figures are written in, until they reach five digits', () => {
    const prepared = prepare({ kind: 'bars', value: 'energy' });
    expect(prepared.value.title).toBe('Energía (MWh)');
    expect(prepared.marks.map((mark) => mark.v)).toEqual([1500, 800, 90]);
    expect(prepared.marks.map((mark) => mark.t)).toEqual(['1.500 MWh', '800 MWh', '90 MWh']);
    const large = prepare(
      { kind: 'bars', value: 'energy' },
      chartDeck('{ kind: bars, value: energy }', ROWS.replace('energy: 1500', 'energy: 12000')),
    );
    expect(large.value.title).toBe('Energía (GWh)');
    expect(large.marks.map((mark) => mark.v)).toEqual([12, 0.8, 0.09]);
  });

  it('shows percents from 0 to 100 and ranges from their low to their high end', () => {
    expect(prepare({ kind: 'bars', value: 'share' }).value.title).toBe('Cuota (%)');
    expect(prepare({ kind: 'bars', value: 'share' }).marks[0]?.v).toBe(50);
    const range = prepare({ kind: 'range-bars', value: 'weeks' });
    expect(range.value.title).toBe('Plazo (semanas)');
    expect(range.marks.map((mark) => [mark.c, mark.v0, mark.v, mark.t])).toEqual([
      ['A', 2, 4, '2 a 4 semanas'],
      ['B', 3, 3, '3 semanas'],
      ['C', 1, 1, '1 semana'],
    ]);
  });

  it('sums the rows of a category and gives each slice of a donut its share', () => {
    const donut = prepare({ kind: 'donut', value: 'energy', category: 'kind' });
    expect(donut.marks.map((mark) => [mark.c, mark.t, mark.p])).toEqual([
      ['Nube', '1,59 GWh', '66,5 %'],
      ['Local', '800 MWh', '33,5 %'],
    ]);
    expect(donut.total).toBe('2,39 GWh');
  });

  it('draws the largest of a long dataset, says so on the axis, and keeps every row in the text alternative', () => {
    const rows = Array.from(
      { length: 30 },
      (_, index) =>
        `- { name: Oferta ${index + 1}, kind: Nube, price: ${(index + 1) * 1000}, energy: 1, share: 10, weeks: 1, launch: 2020 }`,
    ).join('\n');
    const prepared = prepare({ kind: 'bars', value: 'price' }, chartDeck('{ kind: bars, value: price }', rows));
    expect(prepared.marks).toHaveLength(20);
    expect(prepared.marks[0]?.c).toBe('Oferta 30');
    expect(prepared.value.title).toBe('Precio (US$) · los 20 mayores de 30');
    expect(prepared.table.rows).toHaveLength(30);
    const first = prepare({ kind: 'bars', value: 'price', sort: 'none', limit: 5 }, chartDeck('{ kind: bars, value: price }', rows));
    expect(first.marks.map((mark) => mark.c)).toEqual(['Oferta 1', 'Oferta 2', 'Oferta 3', 'Oferta 4', 'Oferta 5']);
    expect(first.value.title).toBe('Precio (US$) · los 5 primeros de 30');
  });

  it('stacks several fields, with the total at the end of each bar', () => {
    const medals = yamlDeck({
      fields: 'name: { type: text, label: País }\ngold: { type: integer, label: Oro }\nsilver: { type: integer, label: Plata }',
      rows: '- { name: X, gold: 3, silver: 1 }\n- { name: Y, gold: 1, silver: 5 }',
      locale: 'en',
    });
    const prepared = prepare({ kind: 'stacked-bars', values: ['gold', 'silver'] }, medals);
    expect(prepared.series).toEqual(['Oro', 'Plata']);
    expect(prepared.marks.map((mark) => [mark.c, mark.s, mark.v, mark.t])).toEqual([
      ['Y', 'Oro', 1, ''],
      ['Y', 'Plata', 5, '6'],
      ['X', 'Oro', 3, ''],
      ['X', 'Plata', 1, '4'],
    ]);
    expect(prepared.table.columns).toEqual(['País', 'Oro', 'Plata', 'Total']);
  });
});

describe("labels measured in the deck's font", () => {
  let measure: TextMeasure;
  beforeAll(async () => {
    measure = await loadTextMeasure(FONT);
  });

  it("measures Source Sans 3 as the browser draws it, not at vega's 0.8 em a character", () => {
    const width = measure.width('Google Cloud · NVIDIA H100', 22, 600);
    // Chromium draws this label 258 px wide at 22 px, weight 600.
    expect(width).toBeGreaterThan(250);
    expect(width).toBeLessThan(266);
    expect(measure.width('Google Cloud · NVIDIA H100', 22, 400)).toBeLessThan(width);
  });

  it('wraps a long category between words and shortens what still does not fit', () => {
    const options = { width: 180, size: 22, weight: 600, measure };
    expect(wrapText('Google Cloud · NVIDIA H100', { ...options, maxLines: 2 })).toEqual(['Google Cloud ·', 'NVIDIA H100']);
    const cut = wrapText('Amazon Web Services · NVIDIA H100 Tensor Core', { ...options, maxLines: 2 });
    expect(cut).toHaveLength(2);
    expect(cut[1]).toMatch(/…$/);
    for (const line of cut) expect(measure.width(line, 22, 600)).toBeLessThanOrEqual(180);
  });

  it('places point labels where none overlaps another or leaves the plot', () => {
    const marks = [0, 1, 2, 3].map((index) => ({
      c: `P${index}`,
      s: '',
      v: 10 + index * 0.01,
      x: 5 + index * 0.01,
      t: `Punto número ${index}`,
      m: false,
    }));
    const placed = placePointLabels({
      marks,
      x: (mark) => Number(mark.x),
      xDomain: niceDomain([0, 10], { isLog: false, zero: true }),
      yDomain: niceDomain([0, 20], { isLog: false, zero: true }),
      plot: { width: 800, height: 400, padding: 0 },
      font: { size: 18, weight: 600 },
      measure,
    });
    const shown = placed.filter((mark) => mark.t !== '');
    // Four labels of one point's place: right, left, above and below it, then nowhere.
    expect(new Set(shown.map((mark) => `${mark.la}|${mark.lb}`)).size).toBe(shown.length);
    expect(shown.length).toBeGreaterThanOrEqual(2);
  });
});

describe("the default deck's charts, declared by kind", () => {
  let deck: Deck;
  let charts: Charts;
  beforeAll(async () => {
    deck = deckOf(readDefaultText());
    charts = await renderCharts({ deck, specs: new Map(), config: CHART_CONFIG, fonts: FONTS });
  });

  it('draws the five charts from their slides', () => {
    expect([...charts.keys()]).toEqual(['slide-6', 'slide-7', 'slide-8', 'slide-9', 'slide-10']);
  });

  it('labels bars with the figures as the table writes them, a missing one with "no reportado"', () => {
    const expected: Record<string, string[]> = {
      'slide-6': ['80 millones', '40 millones', '4 millones'],
      'slide-7': ['10.000', '512', '2.000', 'no reportado'],
      'slide-8': ['2 a 3 meses', '2 meses', '1 mes', '1,5 meses'],
      'slide-9': ['1,2 GWh', '900 MWh', '1 GWh', '100 MWh'],
      'slide-10': ['0,5 kWh', '0,1 kWh'],
    };
    for (const [id, labels] of Object.entries(expected)) expect(textsOf(svgOf(charts, id))).toEqual(expect.arrayContaining(labels));
    const units = svgOf(charts, 'slide-7');
    const bars = /<g class="mark-rect[^>]*>(.*?)<\/g>/.exec(units)?.[1] ?? '';
    expect(bars.match(/<path /g)).toHaveLength(3);
    expect(textsOf(units).filter((text) => text === 'no reportado')).toHaveLength(2);
  });

  it("titles each value axis with the field's label and unit, and writes Spanish separators", () => {
    expect(textsOf(svgOf(charts, 'slide-6'))).toContain('Costo del hardware (millones de US$)');
    expect(textsOf(svgOf(charts, 'slide-7'))).toEqual(expect.arrayContaining(['Unidades', '2.000', '10.000']));
    expect(textsOf(svgOf(charts, 'slide-8'))).toEqual(expect.arrayContaining(['Tiempo de entrenamiento (meses)', '0,5', '1,5']));
    expect(textsOf(svgOf(charts, 'slide-9'))).toContain('Energía de entrenamiento (MWh)');
  });

  it('keeps every text at 16 px or more', () => {
    for (const chart of charts.values()) {
      const sizes = [...chart.svg.matchAll(/<text[^>]*font-size="([\d.]+)px"/g)].map((match) => Number(match[1]));
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(16);
    }
  });

  it('describes each chart in a sentence and a table with every row', () => {
    const cost = charts.get('slide-6');
    expect(cost?.summary).toMatch(
      /^Costo aproximado del hardware de entrenamiento por modelo, en dólares estadounidenses: GPT-4 \(80 millones\), .* y Mistral 7B \(4 millones\)\.$/,
    );
    expect(cost?.table.columns).toEqual(['Modelo', 'Costo del hardware']);
    for (const chart of charts.values()) expect(chart.table.rows).toHaveLength(deck.rows.length);
  });

  it('re-renders only the chart whose figure changed', async () => {
    const cache = new Map();
    const first = await renderCharts({ deck, specs: new Map(), config: CHART_CONFIG, fonts: FONTS, cache });
    const edited = deckOf(replaceOnce(readDefaultText(), 'units: 2000', 'units: 2400'));
    const second = await renderCharts({ deck: edited, specs: new Map(), config: CHART_CONFIG, fonts: FONTS, cache });
    const changed = [...second.keys()].filter((id) => second.get(id) !== first.get(id));
    expect(changed).toEqual(['slide-7']);
    expect(textsOf(svgOf(second, 'slide-7'))).toContain('2.400');
  });
});

describe("a date axis in the deck's language", () => {
  it('names the months in Spanish for a Spanish deck', async () => {
    const rows = ['2024-01-15', '2024-03-10', '2024-05-20', '2024-07-05']
      .map((date, index) => `- { name: R${index}, kind: Nube, price: ${1000 + index}, energy: 1, share: 1, weeks: 1, launch: ${date} }`)
      .join('\n');
    const deck = deckOf(chartDeck('{ kind: line, x: launch, y: price }', rows));
    const charts = await renderCharts({ deck, specs: new Map(), config: CHART_CONFIG, fonts: FONTS });
    const texts = textsOf(svgOf(charts, 'slide-1')).join(' ');
    expect(texts).toContain('mar 2024');
    expect(texts).not.toMatch(/\b(Feb|Mar|Apr|May|Jun)\b/);
  });
});
