import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { collectGlyphs, collectWeights, embedFonts, findFontUrls, type FontCache } from '../../../src/page/fonts.js';

const require = createRequire(import.meta.url);
const URL_AS_WRITTEN = '@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2';
const FONT = readFileSync(require.resolve(URL_AS_WRITTEN));
const CSS = `@font-face { font-family: "X"; src: url("${URL_AS_WRITTEN}") format("woff2-variations"); } .a { background: url("pic.png") }`;

describe('collectGlyphs', () => {
  it('takes the visible text once, entities decoded, plus capitals, the digits and generated content', () => {
    const glyphs = collectGlyphs(['<p class="zz">Año &amp; &#x2248;</p>'], ['.x::before { content: "Ñ" }']);
    expect(glyphs).toBe(' &0123456789AOoÑñ≈');
  });
});

describe('embedFonts', () => {
  it('names only the files of @font-face rules', () => {
    expect(findFontUrls(CSS)).toEqual([URL_AS_WRITTEN]);
  });

  it('replaces the font file with a WOFF2 subset much smaller than the file, and reuses it from the cache', async () => {
    const cache: FontCache = new Map();
    const files = new Map([[URL_AS_WRITTEN, FONT]]);
    const input = { css: CSS, files, slides: ['<h1>Costos relacionados</h1>'], styles: [], cache, isStaticInstances: false };
    const css = await embedFonts(input);
    const data = /url\(data:font\/woff2;base64,([A-Za-z0-9+/=]+)\) format\("woff2"\)/.exec(css)?.[1] ?? '';
    const subset = Buffer.from(data, 'base64');
    expect(subset.subarray(0, 4).toString('latin1')).toBe('wOF2');
    expect(subset.length).toBeLessThan(FONT.length / 2);
    expect(css).toContain('url("pic.png")');
    expect(cache.size).toBe(1);
    expect(await embedFonts(input)).toBe(css);
    expect(cache.size).toBe(1);
  });

  it('makes a new subset when the text needs a new glyph, and none for new digits', async () => {
    const cache: FontCache = new Map();
    const files = new Map([[URL_AS_WRITTEN, FONT]]);
    const build = (text: string) => embedFonts({ css: CSS, files, slides: [text], styles: [], cache, isStaticInstances: false });
    await build('<p>GPT 80</p>');
    await build('<p>GPT 120</p>');
    expect(cache.size).toBe(1);
    await build('<p>GPT-4 80</p>');
    expect(cache.size).toBe(2);
  });
});

describe('embedFonts for print', () => {
  const VARIABLE_CSS = `@font-face { font-family: "X"; font-weight: 200 900; src: url("${URL_AS_WRITTEN}") format("woff2-variations"); }`;

  it('finds the weights the styles and the SVG ask for, plus the browser defaults', () => {
    expect(collectWeights(['h1 { font-weight: 800 } b { font-weight: bold }', '<text font-weight="600">x</text>'])).toEqual([
      400, 600, 700, 800,
    ]);
    expect(collectWeights(['.a::before { font: italic 300 20px/1 var(--f) } .b { font: 500 1em serif }'])).toEqual([300, 400, 500, 700]);
  });

  it('replaces the variable font with one static subset per weight used, each its own font', async () => {
    const files = new Map([[URL_AS_WRITTEN, FONT]]);
    const slides = ['<h1>Costos</h1><svg><text font-weight="600">GPT-4</text></svg>'];
    const css = await embedFonts({
      css: VARIABLE_CSS,
      files,
      slides,
      styles: ['h1 { font-weight: 800 }'],
      cache: new Map(),
      isStaticInstances: true,
    });
    const rules = [...css.matchAll(/@font-face \{[^}]*\}/g)].map(([rule]) => rule);
    expect(rules.map((rule) => /font-weight: (\d+)/.exec(rule)?.[1])).toEqual(['400', '600', '700', '800']);
    const fonts = rules.map((rule) => /base64,([A-Za-z0-9+/=]+)\) format\("woff2"\)/.exec(rule)?.[1] ?? '');
    expect(fonts.every((font) => Buffer.from(font, 'base64').subarray(0, 4).toString('latin1') === 'wOF2')).toBe(true);
    expect(new Set(fonts).size).toBe(4);
    expect(css).not.toContain('woff2-variations');
  });

  it('keeps the variable font for the screen', async () => {
    const files = new Map([[URL_AS_WRITTEN, FONT]]);
    const css = await embedFonts({
      css: VARIABLE_CSS,
      files,
      slides: ['<h1>Costos</h1>'],
      styles: ['h1 { font-weight: 800 }'],
      cache: new Map(),
      isStaticInstances: false,
    });
    expect(css.match(/@font-face/g)).toHaveLength(1);
    expect(css).toContain('font-weight: 200 900');
  });
});
