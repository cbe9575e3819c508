import { describe, expect, it } from 'vitest';
import type { Deck } from '../../../src/model.js';
import { compileTemplates, renderSlides } from '../../../src/slides/render.js';
import { buildTable, paginateTable, type RowView, type TableView } from '../../../src/slides/table.js';
import { readDefaultText } from '../../helpers.js';
import { visibleText } from '../../text.js';
import { deckOf, LAYOUTS, TEMPLATES, yamlDeck } from '../support/inline-deck.js';

const DEFAULT = deckOf(readDefaultText());
const GPU = { label: 'GPU utilizada', cell: ['{{accelerator}}', '({{unitPrice}} c/u)', '× {{units}}'] };

function table(columns: readonly unknown[], deck: Deck = DEFAULT): TableView {
  return buildTable(columns, deck, new Map());
}

/** Each row's cell of one column, as a reader sees it. */
function cellTexts(view: TableView, column = 0): string[] {
  return view.rows.map((row) => visibleText(row.cells[column]?.html.html ?? ''));
}

describe('buildTable: cells', () => {
  it('shows a field column with its label and its values as the deck formats them', () => {
    const view = table(['name', 'hardwareCost', 'trainingTime']);
    expect(view.columns.map((column) => visibleText(column.label.html))).toEqual([
      'Modelo',
      'Costo del hardware',
      'Tiempo de entrenamiento',
    ]);
    expect(cellTexts(view, 1)).toEqual(['80 millones', '40 millones', '50 millones', '4 millones', '16 millones']);
    expect(cellTexts(view, 2)).toEqual(['2 a 3 meses', '2 meses', '2 a 3 meses', '1 mes', '1,5 meses']);
    expect(view.rows.map((row) => row.name)).toEqual(['GPT-4', 'Claude 3', 'Gemini 1.5', 'Mistral 7B', 'Llama 3']);
  });

  it('drops the part of a list cell that shows a missing value', () => {
    expect(cellTexts(table([GPU]))).toEqual([
      'NVIDIA H100 (8.000 US$ c/u) × 10.000',
      'NVIDIA A100',
      'TPU v5e (Google)',
      'NVIDIA A100 80GB (≈ 7.800 US$ c/u) × 512',
      'NVIDIA H100 (≈ 8.000 US$ c/u) × 2.000',
    ]);
  });

  it('shows the parts after the first as details, a derived one marked as derived', () => {
    const mistral = table([GPU]).rows[3]?.cells[0]?.html.html ?? '';
    expect(mistral).toMatch(
      /^NVIDIA A100 80GB <span class="detail derived">\(<span class="?derived"?>≈\u00a07\.800\u00a0US\$<\/span> c\/u\)<\/span> <span class="detail">× 512<\/span>$/,
    );
  });

  it('shows the missing text where a single-string cell names a missing value', () => {
    expect(cellTexts(table([{ label: 'Unidades', cell: '{{accelerator}} × {{units}}' }]))[1]).toBe('NVIDIA A100 × no reportado');
  });

  it('says "no reportado" rather than stay blank when every part of a list cell is missing', () => {
    expect(cellTexts(table([{ label: 'Unidades', cell: ['{{units}} unidades'] }]))).toEqual([
      '10.000 unidades',
      'no reportado',
      'no reportado',
      '512 unidades',
      '2.000 unidades',
    ]);
  });

  it('keeps a part whose missing value an {{#if}} already handles', () => {
    const view = table([{ label: 'Modelo', cell: ['{{#if product}}{{product}} ({{name}}){{else}}{{name}}{{/if}}', '{{organization}}'] }]);
    expect(cellTexts(view).slice(0, 2)).toEqual(['ChatGPT (GPT-4) OpenAI', 'Claude 3 Anthropic']);
  });

  it('puts each part on its own line with lines: true', () => {
    const view = table([{ label: 'Consumo', cell: ['Entrenamiento: {{trainingEnergy}}', 'Inferencia: {{inferenceEnergy}}'], lines: true }]);
    expect(view.columns[0]?.className).toBe('lines');
    expect(view.rows[0]?.cells[0]?.html.html).toBe(
      '<span class="part">Entrenamiento: 1,2\u00a0GWh</span> <span class="part">Inferencia: 0,5\u00a0kWh</span>',
    );
  });

  it("escapes labels and values, with **bold** the author's", () => {
    const deck = deckOf(
      yamlDeck({
        fields: 'name: { type: text, label: "<b>Nombre</b>" }\ncost: money',
        rows: "- { name: '<img src=x onerror=alert(1)>', cost: 1 }",
      }),
    );
    const view = table(['name', { field: 'cost', label: 'Costo **total**' }], deck);
    expect(view.columns.map((column) => column.label.html)).toEqual(['&lt;b&gt;Nombre&lt;/b&gt;', 'Costo <strong>total</strong>']);
    expect(view.rows[0]?.cells[0]?.html.html).toBe('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
  });
});

describe('buildTable: alignment and widths', () => {
  it('aligns figures right and text, ranges and combined cells left, unless a column says otherwise', () => {
    const view = table([
      'name',
      'units',
      'hardwareCost',
      'unitPrice',
      'trainingEnergy',
      'trainingTime',
      GPU,
      { label: 'Costo', cell: '{{hardwareCost}}', align: 'right' },
    ]);
    expect(view.columns.map((column) => column.className)).toEqual(['', 'num', 'num', 'num', 'num', '', '', 'num']);
    expect(view.rows[0]?.cells.map((cell) => cell.className)).toEqual(['', 'num', 'num', 'num', 'num', '', '', 'num']);
  });

  it('keeps declared widths as written and shares the rest by content', () => {
    const view = table([
      { field: 'name', width: '15%' },
      GPU,
      { field: 'hardwareCost', width: '12%' },
      'trainingTime',
      { field: 'comment', width: '23%' },
    ]);
    const widths = view.columns.map((column) => column.width);
    expect(widths[0]).toBe(15);
    expect(widths[2]).toBe(12);
    expect(widths[4]).toBe(23);
    expect(view.columns.map((column) => column.widthClass)).toEqual(widths.map((width) => `dd-w${width}`));
    const shared = (widths[1] ?? 0) + (widths[3] ?? 0);
    expect(shared).toBeLessThanOrEqual(50);
    expect(shared).toBeGreaterThanOrEqual(45);
    // The GPU column has more to say than the time column.
    expect(widths[1]).toBeGreaterThan(widths[3] ?? 0);
  });

  it('shares the whole table when no width is declared, each column wide enough for its longest word', () => {
    const widths = table(['name', 'accelerator', 'hardwareCost', 'comment']).columns.map((column) => column.width);
    expect(widths.reduce((sum, width) => sum + width, 0)).toBeLessThanOrEqual(100);
    expect(widths.reduce((sum, width) => sum + width, 0)).toBeGreaterThanOrEqual(96);
    for (const width of widths) expect(width).toBeGreaterThanOrEqual(4);
    expect(widths[3]).toBe(Math.max(...widths));
  });
});

describe('paginateTable', () => {
  const row = (name: string, height: number): RowView => ({ name, height, cells: [], cited: [], hasEstimate: false });

  it('puts at most rowsPerSlide rows on a slide', () => {
    const rows = ['a', 'b', 'c', 'd', 'e'].map((name) => row(name, 40));
    const pages = paginateTable(rows, 2);
    expect(pages.map((page) => page.rows.map((entry) => entry.name))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(pages.map((page) => [page.number, page.count])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('fills a slide by height, so tall rows take a slide of fewer rows', () => {
    const rows = [row('a', 200), row('b', 200), row('c', 200), row('d', 40), row('e', 40)];
    expect(paginateTable(rows, 5).map((page) => page.rows.map((entry) => entry.name))).toEqual([
      ['a', 'b'],
      ['c', 'd', 'e'],
    ]);
  });

  it('gives a row taller than a slide a slide of its own, and an empty table one page', () => {
    expect(paginateTable([row('a', 900), row('b', 40)], 5).map((page) => page.rows.length)).toEqual([1, 1]);
    expect(paginateTable([], 5)).toEqual([{ rows: [], number: 1, count: 1 }]);
  });

  it('estimates a taller row for a longer text in a narrower column', () => {
    const deck = deckOf(
      yamlDeck({
        fields: 'name: text\nnote: text',
        rows: `- { name: A, note: corto }\n- { name: B, note: '${'palabra '.repeat(60).trim()}' }`,
      }),
    );
    const [short, long] = table(['name', { field: 'note', width: '20%' }], deck).rows;
    expect(long?.height).toBeGreaterThan(short?.height ?? Infinity);
  });
});

describe('a table slide', () => {
  it('continues on as many slides as rowsPerSlide asks, "(continuación)" in the later titles', () => {
    const text = readDefaultText().replace('    caveat: Los valores', '    rowsPerSlide: 2\n    caveat: Los valores');
    const deck = deckOf(text);
    const tableSlides = { ...deck, slides: deck.slides.filter((slide) => slide.layout === 'table') };
    const sections = renderSlides({
      deck: tableSlides,
      charts: new Map(),
      templates: compileTemplates(TEMPLATES),
      layouts: LAYOUTS,
      sentences: new Map(),
      isPublic: true,
    });
    expect(sections).toHaveLength(3);
    expect(sections.map((section) => section.match(/<th scope="row"/g)?.length)).toEqual([2, 2, 1]);
    expect(sections.map((section) => visibleText(/<h2>([\s\S]*?)<\/h2>/.exec(section)?.[1] ?? ''))).toEqual([
      'Tabla resumen de modelos de lenguaje',
      'Tabla resumen de modelos de lenguaje (continuación)',
      'Tabla resumen de modelos de lenguaje (continuación)',
    ]);
    // The caveat is read once, under the last page.
    expect(sections.map((section) => section.includes('Los valores son aproximados'))).toEqual([false, false, true]);
  });
});
