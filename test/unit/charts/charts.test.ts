import { readFileSync, readdirSync } from 'node:fs';
import { compile } from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isDeckError, type DeckError } from '../../../src/errors/deck-error.js';
import { messages } from '../../../src/errors/messages.js';
import type { Charts, Deck } from '../../../src/model.js';
import { DatasetSchema, type Dataset } from '../../../src/data/deck-schema.js';
import { isVegaLiteConfig, isVegaLiteSpec, scopeSvgIds } from '../../../src/charts/chart-svg.js';
import { renderCharts } from '../../../src/charts/charts.js';
import { deriveDeck } from '../../../src/data/derive.js';
import { ROOT, readDefaultText } from '../../helpers.js';

const CHART_NAMES = ['hardware-cost', 'accelerator-units', 'training-time', 'training-energy', 'inference-energy'];

const readJson = (path: string): unknown => JSON.parse(readFileSync(`${ROOT}${path}`, 'utf8'));
const dataset = (): Dataset => DatasetSchema.parse(parse(readDefaultText()));
const specs = new Map(
  readdirSync(`${ROOT}templates/charts`)
    .filter((file) => file.endsWith('.vl.json'))
    .map((file) => [file.replace(/\.vl\.json$/, ''), readJson(`templates/charts/${file}`)]),
);
const config = readJson('templates/themes/aula.vl-config.json');

function editModels(edit: (models: Dataset['models']) => Dataset['models'], locale?: string): Deck {
  const original = dataset();
  return deriveDeck({ ...original, meta: { ...original.meta, locale: locale ?? original.meta.locale }, models: edit(original.models) });
}

function svgOf(charts: Charts, name: string): string {
  const chart = charts.get(name);
  if (chart === undefined) throw new Error(`no chart ${name}`);
  return chart.svg;
}

/** The texts a reader sees, unescaped once (vega escapes &, < and > in text). */
function textsOf(svg: string): string[] {
  const unescape = (text: string) => text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  // Figures keep their unit on the same line with a no-break space; compare as a reader sees them.
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => unescape(match[1] ?? '').replaceAll('\u00a0', ' '));
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
    deck = deriveDeck(dataset());
    charts = await renderCharts({ deck, specs, config });
  });

  it('renders each chart the slides use, once, as one SVG', () => {
    expect([...charts.keys()]).toEqual(CHART_NAMES);
    for (const chart of charts.values()) {
      expect(chart.svg).toMatch(/^<svg [^>]*width="1120" height="500"/);
      expect(chart.svg.match(/<svg/g)).toHaveLength(1);
    }
  });

  it('names every model on every chart', () => {
    for (const name of CHART_NAMES) {
      const texts = textsOf(svgOf(charts, name));
      for (const model of deck.models) expect(texts, `${model.name} on ${name}`).toContain(model.name);
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

  it('draws no bar for a model that did not report its units', () => {
    const svg = svgOf(charts, 'accelerator-units');
    const bars = /<g class="mark-rect[^>]*>(.*?)<\/g>/.exec(svg)?.[1] ?? '';
    const reported = deck.models.filter((model) => model.units !== undefined);
    expect(reported.map((model) => model.name)).toEqual(['GPT-4', 'Mistral 7B', 'Llama 3']);
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
    expect(cost?.summary).toMatch(/^Costo total del hardware.*: GPT-4 \(80 millones\), Claude 3 \(40 millones\), .* y Llama 3 \(16 millones\)\.$/);
    expect(cost?.table.columns).toEqual(['Modelo', 'Costo del hardware (US$)']);
    expect(cost?.table.rows[0]).toEqual(['GPT-4', '80 millones']);
    expect(charts.get('accelerator-units')?.table.rows[1]).toEqual(['Claude 3', 'no reportado']);
    expect(charts.get('training-time')?.summary).toContain('Mistral 7B (1 mes)');
    for (const chart of charts.values()) expect(chart.table.rows).toHaveLength(deck.models.length);
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
    const deck = editModels((models) => models.map((model) => (model.name === 'GPT-4' ? { ...model, hardwareCostUsd: 120_000_000 } : model)));
    const charts = await renderCharts({ deck, specs, config });
    const texts = textsOf(svgOf(charts, 'hardware-cost'));
    expect(texts).toContain('120 millones');
    expect(texts).not.toContain('80 millones');
  });

  it('escapes markup in model names instead of injecting it', async () => {
    const names = ['<script>alert(1)</script>', '"><svg onload=alert(1)>'];
    const deck = editModels((models) => models.map((model, index) => ({ ...model, name: names[index] ?? model.name })));
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
    const deck = editModels((models) => models, 'en');
    const charts = await renderCharts({ deck, specs, config });
    expect(textsOf(svgOf(charts, 'accelerator-units'))).toEqual(expect.arrayContaining(['10,000', '2,000', 'not reported']));
    expect(textsOf(svgOf(charts, 'inference-energy'))).toEqual(expect.arrayContaining(['0.1', '0.5 kWh']));
  });

  it('renders nothing when no slide is a chart', async () => {
    const original = dataset();
    const deck = deriveDeck({ ...original, slides: original.slides.filter((slide) => slide.layout !== 'chart') });
    expect((await renderCharts({ deck, specs: new Map(), config: undefined })).size).toBe(0);
  });
});

describe('renderCharts ids', () => {
  it('gives clip paths ids unique across the document, each referenced within its own chart', async () => {
    const clippedBars = { layer: [{ mark: { type: 'bar', clip: true } }] };
    const clipped = withSpecs({ 'hardware-cost': clippedBars, 'training-energy': clippedBars });
    const charts = await renderCharts({ deck: deriveDeck(dataset()), specs: clipped, config });
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
  const deck = (): Deck => deriveDeck(dataset());

  it('names the spec file when vega-lite cannot compile it', async () => {
    const broken = withSpec('hardware-cost', { transform: [{ calculate: 'datum.hardwareCostUsd +', as: 'x' }] });
    const error = await renderError({ deck: deck(), specs: broken, config });
    const { hint } = messages.chartSpec('hardware-cost', '');
    expect(error.problems[0]).toMatchObject({ code: 'chart', file: 'templates/charts/hardware-cost.vl.json', hint });
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('reports an expression that fails while vega renders, keeping its error', async () => {
    const failing = withSpec('hardware-cost', { transform: [{ calculate: 'datum.model.missing.field', as: 'hardwareCostMillions' }] });
    const error = await renderError({ deck: deck(), specs: failing, config });
    expect(error.problems[0]).toMatchObject({ code: 'chart', file: 'templates/charts/hardware-cost.vl.json' });
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('lists the charts that exist for an unknown name', async () => {
    const fewer = new Map([...specs].filter(([name]) => name !== 'training-time'));
    const error = await renderError({ deck: deck(), specs: fewer, config });
    const others = CHART_NAMES.filter((name) => name !== 'training-time').sort();
    const slide = dataset().slides.findIndex((entry) => entry.layout === 'chart' && entry.chart === 'training-time');
    const expected = { code: 'chart', ...messages.unknownChart('training-time', others), dataPath: ['slides', slide, 'chart'] };
    expect(error.problems[0]).toMatchObject(expected);
  });

  it('refuses to fetch data a spec points at', async () => {
    const layer = [{ data: { url: 'https://example.com/costs.json' }, mark: 'bar', encoding: { x: { field: 'a', type: 'quantitative' } } }];
    const online = withSpec('hardware-cost', { layer, encoding: {}, transform: [] });
    const error = await renderError({ deck: deck(), specs: online, config });
    expect(error.problems[0]).toMatchObject({ code: 'chart', file: 'templates/charts/hardware-cost.vl.json' });
    expect(error.message).toContain('offline');
  });

  it('asks for the text alternative when a spec has none', async () => {
    const bare = new Map(specs).set('hardware-cost', { mark: 'bar', encoding: { x: { field: 'hardwareCostUsd', type: 'quantitative' } } });
    const error = await renderError({ deck: deck(), specs: bare, config });
    expect(error.problems[0]).toMatchObject({ code: 'chart', hint: messages.chartText('hardware-cost', '').hint });
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
    const svg = '<svg><g clip-path="url(#clip1)"><text>id="clip1" url(#clip1)</text></g><defs><clipPath id="clip1"><rect/></clipPath></defs></svg>';
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
    error: (...args: unknown[]) => (messages.push(args), logger),
    warn: (...args: unknown[]) => (messages.push(args), logger),
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}
