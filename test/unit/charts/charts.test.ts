import { compile } from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { isDeckError, type DeckError } from '../../../src/errors/deck-error.js';
import { messages } from '../../../src/errors/messages.js';
import type { Charts, Deck } from '../../../src/model.js';
import { isVegaLiteConfig, isVegaLiteSpec, scopeSvgIds } from '../../../src/charts/chart-svg.js';
import { buildChartRows } from '../../../src/charts/chart-data.js';
import { renderCharts } from '../../../src/charts/charts.js';
import { readDefaultText } from '../../helpers.js';
import { CHART_CONFIG, DEFAULT_CHARTS, deckOf, replaceOnce, withChartFiles, yamlDeck } from '../support/inline-deck.js';

const CHART_NAMES = ['hardware-cost', 'accelerator-units', 'training-time', 'training-energy', 'inference-energy'];
const TEXT = withChartFiles(readDefaultText());
const specs = DEFAULT_CHARTS;
const config = CHART_CONFIG;

/** The default deck with each [from, to] replaced once. */
function editDeck(...edits: readonly (readonly [string, string])[]): Deck {
  return deckOf(edits.reduce((text, [from, to]) => replaceOnce(text, from, to), TEXT));
}

function svgOf(charts: Charts, name: string): string {
  const chart = charts.get(name);
  if (chart === undefined) throw new Error(`no chart ${name}`);
  return chart.svg;
}

/** The texts a reader sees, unescaped once (vega escapes &, < and > in text). */
function textsOf(svg: string): string[] {
  const unescapeText = (text: string) => text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  // Figures keep their unit on the same line with a no-break space; compare as a reader sees them.
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => unescapeText(match[1] ?? '').replaceAll('\u00a0', ' '));
}

async function renderError(options: Parameters<typeof renderCharts>[0]): Promise<DeckError> {
  const error: unknown = await renderCharts(options).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!isDeckError(error)) throw new Error(`expected a DeckError, got ${String(error)}`);
  return error;
}

describe('renderCharts on data/deck.yaml', () => {
  let deck: Deck;
  let charts: Charts;

  beforeAll(async () => {
    deck = deckOf(TEXT);
    charts = await renderCharts({ deck, specs, config });
  });

  it('renders each chart the slides use, once, as one SVG', () => {
    expect([...charts.keys()]).toEqual(CHART_NAMES);
    for (const chart of charts.values()) {
      expect(chart.svg).toMatch(/^<svg [^>]*width="1120" height="500"/);
      expect(chart.svg.match(/<svg/g)).toHaveLength(1);
    }
  });

  it('names every row on every chart', () => {
    for (const name of CHART_NAMES) {
      const texts = textsOf(svgOf(charts, name));
      for (const row of deck.rows) expect(texts, `${row.name} on ${name}`).toContain(row.name);
    }
  });

  it('labels the bars with the figures as deck.format writes them', () => {
    const expected: Record<string, string[]> = {
      'hardware-cost': ['80 millones', '40 millones', '4 millones'],
      'accelerator-units': ['10.000', '512', '2.000', 'no reportado'],
      'training-time': ['2 a 3 meses', '2 meses', '1 mes', '1,5 meses'],
      'training-energy': ['1,2 GWh', '900 MWh', '1 GWh', '100 MWh'],
      'inference-energy': ['0,5 kWh', '0,1 kWh'],
    };
    for (const [name, labels] of Object.entries(expected)) {
      expect(textsOf(svgOf(charts, name))).toEqual(expect.arrayContaining(labels));
    }
  });

  it('writes axis ticks with the Spanish separators', () => {
    expect(textsOf(svgOf(charts, 'accelerator-units'))).toEqual(expect.arrayContaining(['2.000', '10.000']));
    expect(textsOf(svgOf(charts, 'training-energy'))).toContain('1.200');
    expect(textsOf(svgOf(charts, 'inference-energy'))).toEqual(expect.arrayContaining(['0,1', '0,2']));
    expect(textsOf(svgOf(charts, 'training-time'))).toEqual(expect.arrayContaining(['0,5', '1,5']));
  });

  it('draws no bar for a row that did not report its units', () => {
    const svg = svgOf(charts, 'accelerator-units');
    const bars = /<g class="mark-rect[^>]*>(.*?)<\/g>/.exec(svg)?.[1] ?? '';
    const reported = deck.rows.filter((row) => row.cells.get('units') !== undefined);
    expect(reported.map((row) => row.name)).toEqual(['GPT-4', 'Mistral 7B', 'Llama 3']);
    expect(bars.match(/<path /g)).toHaveLength(reported.length);
    expect(textsOf(svg).filter((text) => text === 'no reportado')).toHaveLength(2);
  });

  it('keeps every text at 16 px or more, readable from the back of the room', () => {
    for (const chart of charts.values()) {
      const sizes = [...chart.svg.matchAll(/<text[^>]*font-size="([\d.]+)px"/g)].map((match) => Number(match[1]));
      expect(sizes.length).toBe(textsOf(chart.svg).length);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(16);
    }
  });

  it('loads nothing from the network: the only URLs are the SVG namespaces', () => {
    for (const chart of charts.values()) {
      expect(chart.svg.replace(/\sxmlns(:xlink)?="[^"]*"/g, '')).not.toMatch(/https?:/);
    }
  });

  it('gives each chart a one-sentence summary and a table with the same figures', () => {
    const cost = charts.get('hardware-cost');
    expect(cost?.summary).toMatch(
      /^Costo total del hardware.*: GPT-4 \(80 millones\), Claude 3 \(40 millones\), .* y Llama 3 \(16 millones\)\.$/,
    );
    expect(cost?.table.columns).toEqual(['Modelo', 'Costo del hardware (US$)']);
    expect(cost?.table.rows[0]).toEqual(['GPT-4', '80 millones']);
    expect(charts.get('accelerator-units')?.table.rows[1]).toEqual(['Claude 3', 'no reportado']);
    expect(charts.get('training-time')?.summary.replace(/\u00a0/g, ' ')).toContain('Mistral 7B (1 mes)');
    for (const chart of charts.values()) expect(chart.table.rows).toHaveLength(deck.rows.length);
  });

  it('renders the same bytes twice in one process (watch mode)', async () => {
    const again = await renderCharts({ deck, specs, config });
    for (const name of CHART_NAMES) expect(svgOf(again, name)).toBe(svgOf(charts, name));
  });

  it('keeps ids unique across all charts of the document', () => {
    const ids = [...charts.values()].flatMap((chart) => [...chart.svg.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('renderCharts follows the data', () => {
  it('relabels the cost chart when a cost changes', async () => {
    const deck = editDeck(['hardwareCost: 80000000', 'hardwareCost: 120000000']);
    const charts = await renderCharts({ deck, specs, config });
    const texts = textsOf(svgOf(charts, 'hardware-cost'));
    expect(texts).toContain('120 millones');
    expect(texts).not.toContain('80 millones');
  });

  it('escapes markup in row names instead of injecting it', async () => {
    const names = ['<script>alert(1)</script>', '"><svg onload=alert(1)>'];
    const deck = editDeck(['name: GPT-4', `name: '${names[0]}'`], ['name: Claude 3', `name: '${names[1]}'`]);
    const charts = await renderCharts({ deck, specs, config });
    for (const chart of charts.values()) {
      expect(chart.svg).not.toContain('<script');
      expect(chart.svg).not.toContain('<svg onload');
      expect(chart.svg.match(/<svg/g)).toHaveLength(1);
      expect(chart.svg).toContain('&lt;script&gt;alert(1)');
      expect(chart.svg).toContain('"&gt;&lt;svg onload=alert');
      expect(chart.summary).toContain(names[0]);
    }
  });

  it('writes axis ticks in the deck locale', async () => {
    const deck = editDeck(['locale: es', 'locale: en']);
    const charts = await renderCharts({ deck, specs, config });
    expect(textsOf(svgOf(charts, 'accelerator-units'))).toEqual(expect.arrayContaining(['10,000', '2,000', 'not reported']));
    expect(textsOf(svgOf(charts, 'inference-energy'))).toEqual(expect.arrayContaining(['0.1', '0.5 kWh']));
  });

  it('renders nothing when no slide is a chart', async () => {
    const original = deckOf(TEXT);
    const deck = { ...original, slides: original.slides.filter((slide) => slide.layout !== 'chart') };
    expect((await renderCharts({ deck, specs: new Map(), config: undefined })).size).toBe(0);
  });
});

describe('renderCharts ids', () => {
  it('gives clip paths ids unique across the document, each referenced within its own chart', async () => {
    const clippedBars = { layer: [{ mark: { type: 'bar', clip: true } }] };
    const clipped = withSpecs({ 'hardware-cost': clippedBars, 'training-energy': clippedBars });
    const charts = await renderCharts({ deck: deckOf(TEXT), specs: clipped, config });
    const ids: string[] = [];
    for (const [name, chart] of charts) {
      const own = [...chart.svg.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1] ?? '');
      const references = [...chart.svg.matchAll(/url\(#([^)]+)\)/g)].map((match) => match[1] ?? '');
      for (const id of own) expect(id).toMatch(new RegExp(`^chart-${name}-`));
      expect(own).toEqual(expect.arrayContaining(references));
      ids.push(...own);
    }
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('renderCharts errors', () => {
  const deck = (): Deck => deckOf(TEXT);

  it('names the spec file when vega-lite cannot compile it', async () => {
    const broken = withSpec('hardware-cost', { transform: [{ calculate: 'datum.hardwareCost +', as: 'x' }] });
    const error = await renderError({ deck: deck(), specs: broken, config });
    const { hint } = messages.chartSpec('hardware-cost', '');
    expect(error.problems[0]).toMatchObject({ code: 'chart', file: 'charts/hardware-cost.vl.json', hint });
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('reports an expression that fails while vega renders, keeping its error', async () => {
    const failing = withSpec('hardware-cost', { transform: [{ calculate: 'datum.model.missing.field', as: 'hardwareCostMillions' }] });
    const error = await renderError({ deck: deck(), specs: failing, config });
    expect(error.problems[0]).toMatchObject({ code: 'chart', file: 'charts/hardware-cost.vl.json' });
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('lists the charts that exist for an unknown name', async () => {
    const fewer = new Map([...specs].filter(([name]) => name !== 'training-time'));
    const error = await renderError({ deck: deck(), specs: fewer, config });
    const others = CHART_NAMES.filter((name) => name !== 'training-time').sort();
    const slide = deck().slides.findIndex((entry) => entry.layout === 'chart' && entry.values.chart === 'training-time');
    const expected = { code: 'chart', ...messages.unknownChart('training-time', others), dataPath: ['slides', slide, 'chart'] };
    expect(error.problems[0]).toMatchObject(expected);
  });

  it('refuses to fetch data a spec points at', async () => {
    const layer = [{ data: { url: 'https://example.com/costs.json' }, mark: 'bar', encoding: { x: { field: 'a', type: 'quantitative' } } }];
    const online = withSpec('hardware-cost', { layer, encoding: {}, transform: [] });
    const error = await renderError({ deck: deck(), specs: online, config });
    expect(error.problems[0]).toMatchObject({ code: 'chart', file: 'charts/hardware-cost.vl.json' });
    expect(error.message).toContain('offline');
  });

  it("asks for the text alternative when a spec's usermeta has none", async () => {
    const spec = {
      mark: 'bar',
      encoding: { x: { field: 'hardwareCost', type: 'quantitative' } },
      usermeta: { datadeck: { table: ['name'] } },
    };
    const error = await renderError({ deck: deck(), specs: new Map(specs).set('hardware-cost', spec), config });
    expect(error.problems[0]).toMatchObject({
      code: 'chart',
      file: 'charts/hardware-cost.vl.json',
      hint: messages.chartText('hardware-cost', '').hint,
    });
  });
});

describe('renderCharts: a chart without usermeta, or written in the slide', () => {
  it("describes a spec without usermeta by its slide's caption, with the row name and each field it draws", async () => {
    const spec = { mark: 'bar', encoding: { y: { field: 'name', type: 'nominal' }, x: { field: 'hardwareCost', type: 'quantitative' } } };
    const charts = await renderCharts({ deck: deckOf(TEXT), specs: new Map(specs).set('hardware-cost', spec), config });
    const cost = charts.get('hardware-cost');
    expect(cost?.summary).toBe(
      'Costo aproximado del hardware de entrenamiento por modelo, en dólares estadounidenses: GPT-4 (80 millones), Claude 3 (40 millones), Gemini 1.5 (50 millones), Mistral 7B (4 millones) y Llama 3 (16 millones).',
    );
    expect(cost?.table).toEqual({
      columns: ['Modelo', 'Costo del hardware'],
      rows: [
        ['GPT-4', '80 millones'],
        ['Claude 3', '40 millones'],
        ['Gemini 1.5', '50 millones'],
        ['Mistral 7B', '4 millones'],
        ['Llama 3', '16 millones'],
      ],
    });
  });

  it("renders a spec written under the slide's chart:, as slide-<n>, with each row's fields and their text under fmt", async () => {
    const text = yamlDeck({
      fields:
        'name: { type: text, label: Proveedor }\nprice: { type: money, label: Precio por hora, decimals: 2 }\nmonthly: { type: money, label: Costo mensual, formula: price * 730 }',
      rows: '- { name: Proveedor A, price: 4.10 }\n- { name: Proveedor B, price: 0.81 }',
      slides: [
        '- layout: title',
        '- layout: chart',
        '  title: Costo de un mes',
        '  caption: Un mes de uso continuo.',
        '  chart:',
        '    mark: bar',
        '    encoding:',
        '      x: { field: name, type: nominal }',
        '      y: { field: monthly, type: quantitative }',
        '      tooltip: { field: fmt.monthly }',
      ].join('\n'),
    });
    const charts = await renderCharts({ deck: deckOf(text), specs: new Map(), config });
    expect([...charts.keys()]).toEqual(['slide-2']);
    const chart = charts.get('slide-2');
    expect(chart?.svg).toMatch(/^<svg /);
    expect(textsOf(chart?.svg ?? '')).toEqual(expect.arrayContaining(['Proveedor A', 'Proveedor B', '3.000']));
    expect(chart?.summary.replace(/\u00a0/g, ' ')).toMatch(
      /^Un mes de uso continuo: Proveedor A \(.*2\.993.*\) y Proveedor B \(.*591,30 US\$\)\.$/,
    );
  });

  it('gives a derived value the same text on a chart as in the table: "≈ 7.800 US$"', () => {
    const rows = buildChartRows(deckOf(TEXT));
    expect(rows[3]?.unitPrice).toBe(4_000_000 / 512);
    expect(rows[3]?.fmt.unitPrice?.replace(/\u00a0/g, ' ')).toBe('≈ 7.800 US$');
    expect(rows[0]?.fmt.unitPrice?.replace(/\u00a0/g, ' ')).toBe('8.000 US$');
  });

  it('titles an axis with the field\'s label when the spec sets no title (README: a label is "the column heading and axis title")', async () => {
    const text = yamlDeck({
      fields: 'name: { type: text, label: Proveedor }\nmonthly: { type: money, label: Costo mensual }',
      rows: '- { name: Proveedor A, monthly: 2993 }\n- { name: Proveedor B, monthly: 591.3 }',
      slides:
        '- layout: chart\n  title: C\n  caption: Un mes.\n  chart:\n    mark: bar\n    encoding:\n      x: { field: name, type: nominal }\n      y: { field: monthly, type: quantitative }',
    });
    const texts = textsOf((await renderCharts({ deck: deckOf(text), specs: new Map(), config })).get('slide-1')?.svg ?? '');
    expect(texts).toEqual(expect.arrayContaining(['Proveedor', 'Costo mensual']));
    expect(texts).not.toContain('monthly');
  });
});

describe('chart specs and ids', () => {
  it('compiles every shipped spec without a Vega-Lite warning', () => {
    if (!isVegaLiteConfig(config)) throw new Error('the theme is not a JSON object');
    for (const [name, spec] of specs) {
      if (!isVegaLiteSpec(spec)) throw new Error(`${name} is not a Vega-Lite spec`);
      const warnings: unknown[] = [];
      const logger = createCollectingLogger(warnings);
      compile({ ...spec, data: { values: [] } }, { logger, config });
      expect(warnings, name).toEqual([]);
    }
  });

  it('scopes ids and their references to one chart', () => {
    const svg =
      '<svg><g clip-path="url(#clip1)"><text>id="clip1" url(#clip1)</text></g><defs><clipPath id="clip1"><rect/></clipPath></defs></svg>';
    expect(scopeSvgIds(svg, 'chart-a')).toBe(
      '<svg><g clip-path="url(#chart-a-clip-1)"><text>id="clip1" url(#clip1)</text></g><defs><clipPath id="chart-a-clip-1"><rect/></clipPath></defs></svg>',
    );
  });
});

/** The shipped specs with one spec's top-level keys replaced. */
function withSpec(name: string, patch: Record<string, unknown>): Map<string, unknown> {
  return withSpecs({ [name]: patch });
}

function withSpecs(patches: Record<string, Record<string, unknown>>): Map<string, unknown> {
  const patched = new Map(specs);
  for (const [name, patch] of Object.entries(patches)) {
    const original = specs.get(name);
    patched.set(name, typeof original === 'object' ? { ...original, ...patch } : patch);
  }
  return patched;
}

function createCollectingLogger(messages: unknown[]) {
  const logger = {
    level: () => logger,
    error: (...args: unknown[]) => {
      messages.push(args);
      return logger;
    },
    warn: (...args: unknown[]) => {
      messages.push(args);
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}
