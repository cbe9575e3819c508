import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { CHART_KINDS } from '../../src/charts/declared.js';
import { createTestOptions, ROOT } from '../helpers.js';
import { readGolden } from './support/golden.js';

/**
 * One chart of each kind the vocabulary has (test/fixtures/charts/deck.yaml), drawn from an empty cache: each SVG,
 * the slide's and the reading view's narrow one, must be byte for byte its stored golden. The browser suite
 * screenshots the same deck into test-results/ for review.
 */
const DIR = `${ROOT}test/fixtures/charts`;

interface Slide {
  readonly title: string;
  readonly chart: { readonly kind: string };
}

const slides = (parse(readFileSync(join(DIR, 'deck.yaml'), 'utf8')) as { slides: Slide[] }).slides;
const goldenName = (index: number, variant = '') =>
  `${String(index + 1).padStart(2, '0')}-${slides[index]?.chart.kind ?? 'chart'}${variant}.svg`;

describe('one chart of each kind, drawn the same as its reviewed golden SVG', () => {
  let svgs: string[] = [];
  let narrowSvgs: string[] = [];

  beforeAll(async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'datadeck-golden-charts-'));
    await buildDeck(createTestOptions({ dataFile: join(DIR, 'deck.yaml'), outDir, cacheDir: undefined }));
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const charts = [...html.matchAll(/<div class="chart-svg[^"]*"[^>]*>(<svg\b[\s\S]*?<\/svg>)(<svg\b[\s\S]*?<\/svg>)?<\/div>/g)];
    svgs = charts.map((match) => match[1] ?? '');
    narrowSvgs = charts.map((match) => match[2] ?? '');
  });

  it('uses every kind of the vocabulary', () => {
    expect(new Set(slides.map((slide) => slide.chart.kind))).toEqual(new Set(CHART_KINDS));
    expect(svgs).toHaveLength(slides.length);
  });

  it.each(slides.map((_slide, index) => [goldenName(index), index] as const))('%s', (name, index) => {
    const svg = svgs[index] ?? '';
    expect(svg).toMatch(/^<svg /);
    expect(svg).toBe(readGolden(join(DIR, name), svg, 'test/golden/charts.test.ts'));
  });

  it.each(slides.map((_slide, index) => [goldenName(index, '.narrow'), index] as const))('%s', (name, index) => {
    const svg = narrowSvgs[index] ?? '';
    expect(svg).toMatch(/^<svg [^>]*width="358"/);
    expect(svg).toBe(readGolden(join(DIR, name), svg, 'test/golden/charts.test.ts'));
  });

  it('has a fixture slide for every stored golden', () => {
    const stored = readdirSync(DIR).filter((name) => name.endsWith('.svg'));
    const names = slides.flatMap((_, index) => [goldenName(index), goldenName(index, '.narrow')]);
    expect(stored.sort()).toEqual(names.sort());
  });
});
