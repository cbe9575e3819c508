import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { renderCharts } from '../../../src/charts/charts.js';
import { compileTemplates, renderSlides } from '../../../src/slides/render.js';
import { readDefaultData } from '../../helpers.js';
import { visibleText } from '../../text.js';
import { CHART_CONFIG, DEFAULT_CHARTS, deckOf, LAYOUTS, TEMPLATES } from '../support/inline-deck.js';

/** The default deck with `count` rows: its five rows over and over, each with its own name (and cost). */
function manyRows(count: number, slides?: (slides: unknown[]) => unknown[]): string {
  const data = readDefaultData();
  const rows = Array.isArray(data.rows) ? data.rows : [];
  const many = Array.from({ length: count }, (_, index) => {
    const row: unknown = rows[index % rows.length];
    const base = typeof row === 'object' && row !== null ? row : {};
    return {
      ...base,
      name: `${String(Reflect.get(base, 'name'))} #${index + 1}`,
      hardwareCost: 1_000_000 * (index + 1),
      unitPrice: undefined,
    };
  });
  const allSlides = Array.isArray(data.slides) ? data.slides : [];
  return stringify({ ...data, rows: many, slides: slides === undefined ? allSlides : slides(allSlides) });
}

describe('charts of a deck with more rows than a slide can label', () => {
  it('draw the 20 largest, say so on the axis, and keep every row in the text alternative', async () => {
    const deck = deckOf(manyRows(30));
    const charts = await renderCharts({ deck, specs: DEFAULT_CHARTS, config: CHART_CONFIG });
    const cost = charts.get('slide-6');
    const bars = /<g class="mark-rect[^>]*>(.*?)<\/g>/.exec(cost?.svg ?? '')?.[1] ?? '';
    expect(bars.match(/<path /g)).toHaveLength(20);
    expect(cost?.svg).toContain('Costo del hardware (millones de US$) · los 20 mayores de 30');
    expect(cost?.svg).toContain('>Llama 3 #30<');
    expect(cost?.svg).not.toContain('>GPT-4 #1<');
    expect(cost?.table.rows).toHaveLength(30);
    for (const chart of charts.values()) expect(chart.svg.match(/<text[^>]*>[^<]*·[^<]*<\/text>/g)).toHaveLength(1);
  });
});

describe('the table of a deck with 200 rows', () => {
  const deck = deckOf(manyRows(200, (slides) => slides.filter((slide) => Reflect.get(Object(slide), 'layout') === 'table')));
  const sections = renderSlides({
    deck,
    charts: new Map(),
    templates: compileTemplates(TEMPLATES),
    layouts: LAYOUTS,
    sentences: new Map(),
    isPublic: false,
  });

  it('continues over as many slides as its rows need, five at most on each', () => {
    expect(sections.length).toBeGreaterThanOrEqual(40);
    const perPage = sections.map((section) => section.match(/<th scope="row"/g)?.length ?? 0);
    expect(Math.max(...perPage)).toBeLessThanOrEqual(5);
    expect(Math.min(...perPage)).toBeGreaterThanOrEqual(1);
  });

  it('shows every row on exactly one page, in order', () => {
    // The first column reads "ChatGPT (GPT-4 #1)" or "Claude 3 #2 (Anthropic)": the number says which row it is.
    const headers = sections.flatMap((section) =>
      [...section.matchAll(/<th scope="row"[^>]*>([\s\S]*?)<\/th>/g)].map((match) => visibleText(match[1] ?? '')),
    );
    expect(headers.map((header) => Number(/#(\d+)/.exec(header)?.[1]))).toEqual(Array.from({ length: 200 }, (_, index) => index + 1));
  });

  it('marks every page after the first as a continuation, and every page but the last as continued', () => {
    const [first, ...rest] = sections;
    expect(first).not.toContain('(continuación)');
    for (const section of rest) expect(section).toContain('(continuación)');
    for (const section of sections.slice(0, -1)) expect(section).toContain('continúa en la siguiente diapositiva');
    expect(sections.at(-1)).not.toContain('continúa en la siguiente diapositiva');
    expect(sections.at(-1)).toContain('Los valores son aproximados');
  });
});
