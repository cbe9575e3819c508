import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildDeck, createBuildCache, prepareDeck } from '../../../src/build.js';
import { isDeclaredChart, readDeclaredChart } from '../../../src/charts/declared.js';
import { prepareChart } from '../../../src/charts/declared-data.js';
import { exportPptx, type PptxResult } from '../../../src/commands/pptx.js';
import { DeckError } from '../../../src/errors/deck-error.js';
import { messages } from '../../../src/errors/messages.js';
import { createTestOptions, DEFAULT_DATA, readDefaultData, ROOT } from '../../helpers.js';
import { findXmlProblem, readTexts, unpackPptx, type UnpackedPptx } from './read-pptx.js';

const tempDir = (name: string) => mkdtempSync(join(tmpdir(), `datadeck-pptx-${name}-`));
// No browser in these tests: the range chart's picture is the one thing left out, and the export says so.
const NO_BROWSER = { CHROME_PATH: '/nonexistent/chrome', PATH: '' };

async function exportTo(
  outDir: string,
  overrides: Parameters<typeof createTestOptions>[0] = {},
): Promise<{ result: PptxResult; pptx: UnpackedPptx }> {
  const result = await exportPptx({ build: createTestOptions({ dataFile: DEFAULT_DATA, outDir, ...overrides }), env: NO_BROWSER });
  return { result, pptx: await unpackPptx(result.outFile) };
}

describe('datadeck pptx on the default deck', () => {
  let result: PptxResult;
  let pptx: UnpackedPptx;
  let deckSlideCount: number;

  beforeAll(async () => {
    ({ result, pptx } = await exportTo(tempDir('default')));
    deckSlideCount = (await buildDeck(createTestOptions({ dataFile: DEFAULT_DATA, outDir: tempDir('html') }))).slideCount;
  });

  it('has one slide per slide of the HTML deck, 16:9', () => {
    expect(pptx.slides).toHaveLength(deckSlideCount);
    expect(result.slideCount).toBe(deckSlideCount);
    // LAYOUT_WIDE: 13.333 × 7.5 in, in EMU.
    expect(pptx.read('ppt/presentation.xml')).toMatch(/<p:sldSz cx="12192000" cy="6858000"/);
  });

  it('writes well-formed XML in every part', () => {
    for (const [name, text] of pptx.parts) {
      if (name.endsWith('.xml') || name.endsWith('.rels')) expect(findXmlProblem(text), name).toBeUndefined();
    }
  });

  it('shows the table as a native table with every row and the declared columns', async () => {
    const prepared = await prepareDeck(createTestOptions({ dataFile: DEFAULT_DATA }), createBuildCache());
    const tables = pptx.slides.filter((slide) => slide.includes('<a:tbl>'));
    expect(tables.length).toBeGreaterThan(0);
    const bodyRows = tables.reduce((sum, slide) => sum + (slide.match(/<a:tr /g) ?? []).length - 1, 0);
    expect(bodyRows).toBe(prepared.deck.rows.length);
    const texts = tables.flatMap((slide) => readTexts(slide)).join(' ');
    for (const row of prepared.deck.rows) expect(texts).toContain(row.name);
    expect(texts).toContain('Costo total aprox. (USD)');
    // The same formatted figures as the deck's table: hardwareCost written as words.
    expect(texts).toContain('80 millones');
  });

  it('draws each declared chart PowerPoint has as a native chart whose cached values are the deck figures', async () => {
    const prepared = await prepareDeck(createTestOptions({ dataFile: DEFAULT_DATA }), createBuildCache());
    const fields = [...prepared.deck.fields.values()];
    const chartable = prepared.deck.slides.flatMap((slide) => {
      const declared = isDeclaredChart(slide.values.chart) ? readDeclaredChart(slide.values.chart, fields) : undefined;
      return declared !== undefined && 'chart' in declared && declared.chart.kind !== 'range-bars'
        ? [prepareChart(declared.chart, prepared.deck, prepared.deck.format.words.chart)]
        : [];
    });
    const charts = pptx.names
      .filter((name) => /^ppt\/charts\/chart\d+\.xml$/.test(name))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    expect(charts).toHaveLength(chartable.length);
    expect(result.nativeChartCount).toBe(chartable.length);
    // Each chart carries its data as a workbook: PowerPoint's "Edit data" opens it.
    expect(pptx.names.filter((name) => /^ppt\/embeddings\/.*\.xlsx$/.test(name))).toHaveLength(chartable.length);
    chartable.forEach((chart, index) => {
      const xml = pptx.read(charts[index] ?? '');
      const values = readTexts(xml, 'c:v');
      for (const mark of chart.marks) {
        expect(values, `${charts[index]}: ${mark.c}`).toContain(mark.c);
        if (mark.v !== null) expect(values.map(Number), `${charts[index]}: ${mark.c}`).toContain(mark.v);
      }
      expect(values).toContain(chart.value.title);
    });
  });

  it('leaves out the picture it cannot draw without a browser, in one warning for that slide, and exports the rest', () => {
    const missing = result.warnings.filter((warning) => warning.code === 'browser');
    expect(missing).toHaveLength(1);
    expect(missing[0]?.message).toBe(messages.pptxPictureMissing(8, 'Tiempo de entrenamiento').message);
    expect(readTexts(pptx.slides[7] ?? '').join('')).toContain(messages.pptxPicturePlaceholder('slide-8').message);
    expect(result.pictureCount).toBe(0);
  });

  it('puts each speaker note in its slide notes', () => {
    const notes = pptx.names
      .filter((name) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name))
      .map((name) => readTexts(pptx.read(name)).join(''));
    expect(notes.join(' ')).toContain('Mencionar los cinco modelos');
    expect(notes.join(' ')).toContain('Saludo y presentación');
  });

  it('names the title, author, course and language in the file properties', () => {
    const core = pptx.read('docProps/core.xml');
    expect(readTexts(core, 'dc:title')).toEqual(['Costos relacionados a los modelos de lenguaje']);
    expect(readTexts(core, 'dc:creator')).toEqual(['Luis Alexander Lema Delgado']);
    expect(readTexts(core, 'dc:subject')).toEqual(['GR1CC']);
    expect(readTexts(core, 'dc:language')).toEqual(['es']);
    // The deck's date, not the time of the export.
    expect(core).toContain('2025-11-02T00:00:00Z');
    expect(pptx.slides.join('')).toContain('lang="es-ES"');
  });

  it('writes the same bytes on a second export', async () => {
    const again = await exportTo(tempDir('again'));
    expect(readFileSync(again.result.outFile).equals(readFileSync(result.outFile))).toBe(true);
  });
});

describe('datadeck pptx --public', () => {
  it('has no speaker note anywhere in the file', async () => {
    const { pptx } = await exportTo(tempDir('public'), { isPublic: true });
    const all = [...pptx.parts.values()].join('');
    expect(all).not.toContain('Mencionar los cinco modelos');
    expect(all).not.toContain('Saludo y presentación');
  });
});

describe('datadeck pptx with hostile text', () => {
  const HOSTILE = '<b>&"\'';

  it('keeps a markup-like row name, title and link as text, escaped in well-formed XML', async () => {
    const data = readDefaultData();
    const meta = { ...(data.meta as Record<string, unknown>), title: `Título ${HOSTILE}` };
    const rows = (data.rows as Record<string, unknown>[]).map((row, index) => (index === 0 ? { ...row, name: `GPT-4 ${HOSTILE}` } : row));
    const slides = [
      ...(data.slides as Record<string, unknown>[]),
      { layout: 'sources', title: `Fuentes ${HOSTILE}`, sources: [{ title: `Informe ${HOSTILE}`, url: 'https://example.org/a?b=1&c=2' }] },
    ];
    const dir = tempDir('hostile');
    const dataFile = join(dir, 'deck.yaml');
    writeFileSync(dataFile, stringify({ ...data, meta, rows, slides }));
    const result = await exportPptx({ build: createTestOptions({ dataFile, outDir: dir }), env: NO_BROWSER });
    const pptx = await unpackPptx(result.outFile);
    for (const [name, text] of pptx.parts) {
      if (name.endsWith('.xml') || name.endsWith('.rels')) expect(findXmlProblem(text), name).toBeUndefined();
    }
    const texts = pptx.slides.flatMap((slide) => readTexts(slide));
    expect(texts.join('')).toContain(`Título ${HOSTILE}`);
    expect(texts.join('')).toContain(`Fuentes ${HOSTILE}`);
    expect(texts.join('')).toContain(`GPT-4 ${HOSTILE}`);
    expect(readTexts(pptx.read('docProps/core.xml'), 'dc:title')).toEqual([`Título ${HOSTILE}`]);
    const charts = pptx.names
      .filter((name) => name.startsWith('ppt/charts/chart'))
      .map((name) => readTexts(pptx.read(name), 'c:v').join(''));
    expect(charts.join('')).toContain(`GPT-4 ${HOSTILE}`);
    expect(
      [...pptx.parts.entries()]
        .filter(([name]) => name.endsWith('.rels'))
        .map(([, text]) => text)
        .join(''),
    ).toContain('Target="https://example.org/a?b=1&amp;c=2"');
  });

  it('exports the hostile fixture deck (every kind of text) as well-formed XML', async () => {
    const dir = tempDir('fixture');
    const result = await exportPptx({
      build: createTestOptions({ dataFile: join(ROOT, 'test/fixtures/hostile/deck.yaml'), outDir: dir }),
      env: NO_BROWSER,
    });
    const pptx = await unpackPptx(result.outFile);
    for (const [name, text] of pptx.parts) {
      if (name.endsWith('.xml') || name.endsWith('.rels')) expect(findXmlProblem(text), name).toBeUndefined();
    }
  });
});

describe('datadeck pptx on bad data', () => {
  it("fails with the build's located errors and leaves the previous deck.pptx as it was", async () => {
    const dir = tempDir('bad');
    const { result } = await exportTo(dir);
    const before = readFileSync(result.outFile);
    const data = readDefaultData();
    const rows = (data.rows as Record<string, unknown>[]).map((row, index) => (index === 1 ? { ...row, units: 'diez mil' } : row));
    const dataFile = join(dir, 'bad.yaml');
    writeFileSync(dataFile, stringify({ ...data, rows }));
    const failure = await exportPptx({ build: createTestOptions({ dataFile, outDir: dir }), env: NO_BROWSER }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(DeckError);
    const problem = failure instanceof DeckError ? failure.problems[0] : undefined;
    expect(problem?.file).toBe(dataFile);
    expect(problem?.line).toBeGreaterThan(0);
    expect(problem?.dataPath).toEqual(['rows', 1, 'units']);
    expect(readFileSync(result.outFile).equals(before)).toBe(true);
  });
});

describe('datadeck pptx on the examples: every kind PowerPoint has is a native chart of that kind', () => {
  const chartXml = async (example: string) => {
    const dir = tempDir(example);
    const result = await exportPptx({
      build: createTestOptions({ dataFile: join(ROOT, 'examples', example, 'deck.yaml'), outDir: dir }),
      env: NO_BROWSER,
    });
    const pptx = await unpackPptx(result.outFile);
    return pptx.names
      .filter((name) => /^ppt\/charts\/chart\d+\.xml$/.test(name))
      .map((name) => pptx.read(name))
      .join('\n');
  };

  it.each([
    ['olympic-medals', ['<c:barChart>', '<c:grouping val="stacked"/>', '<c:grouping val="clustered"/>', '<c:pieChart>']],
    ['electricity-mix', ['<c:doughnutChart>', '<c:barChart>']],
    ['cloud-gpus', ['<c:scatterChart>', '<c:barChart>']],
    ['co2-mauna-loa', ['<c:lineChart>']],
    ['space-missions', ['<c:logBase val="10"/>']],
  ])('%s', async (example, parts) => {
    const xml = await chartXml(example);
    for (const part of parts) expect(xml).toContain(part);
  });
});
