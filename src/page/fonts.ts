import { createHash } from 'node:crypto';

/** fontKey() → a subset font, base64: a rebuild whose text needs no new glyph reuses it. */
export type FontCache = Map<string, string>;

// Bump when the subsetting changes what a subset holds, so stale cached fonts are not reused.
const FONT_CACHE_VERSION = 3;
// Always in the subset: editing a figure then never needs a new one.
const ALWAYS = '0123456789 ';
const FONT_FACE = /@font-face\s*{[^}]*}/g;
const FILE_URL = /url\(\s*(["']?)([^"')]+)\1\s*\)(\s*format\(\s*["'][^"')]*["']\s*\))?/g;
// A variable font's rule declares the range it covers: `font-weight: 200 900`.
const WEIGHT_RANGE = /font-weight\s*:\s*(\d+)\s+(\d+)/;
// A weight the deck asks for: in CSS (`font-weight: 600`, or first in `font: italic 700 20px/1 …`) or in an SVG
// attribute (`font-weight="600"`).
const WEIGHT_USE = /(?:font-weight\s*(?::\s*|=\s*["'])|\bfont\s*:\s*(?:(?:italic|oblique|small-caps|normal)\s+)*)(\d{3}|bold|normal)\b/g;
// What the browser's own styles use: body text, and <strong>, <th>, headings.
const UA_WEIGHTS = [400, 700];

/** The files the theme's @font-face rules name (data: URLs excluded), as written, in order. */
export function findFontUrls(css: string): string[] {
  const urls = [...css.matchAll(FONT_FACE)].flatMap(([rule]) => [...rule.matchAll(FILE_URL)].map((match) => match[2] ?? ''));
  return [...new Set(urls.filter((url) => url !== '' && !url.startsWith('data:')))];
}

export interface EmbedInput {
  /** The theme's CSS, whose @font-face files are embedded. */
  readonly css: string;
  /** Each font file findFontUrls() names, as load read it. */
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** The slides' HTML: its text decides the glyphs. */
  readonly slides: readonly string[];
  /** Every stylesheet of the page: generated content ("Notas del orador") needs glyphs too. */
  readonly styles: readonly string[];
  readonly cache: FontCache;
  /**
   * One static instance per weight the deck uses instead of the variable font: Chromium's PDF keeps a static font
   * as an embedded font, but turns a variable one into Type 3 outlines (a 480 kB PDF instead of ~100 kB, printed
   * ~0.2 s slower). The deck itself keeps the single variable subset, which is smaller.
   */
  readonly isStaticInstances: boolean;
}

/**
 * The theme's CSS with each @font-face file replaced by a data: URL of a WOFF2 subset holding only the glyphs
 * the deck's text uses, so the deck looks the same on every projector laptop, offline, for ~14 kB.
 */
export async function embedFonts(input: EmbedInput): Promise<string> {
  if (findFontUrls(input.css).length === 0) return input.css;
  const glyphs = collectGlyphs(input.slides, input.styles);
  const weights = input.isStaticInstances ? collectWeights([...input.styles, ...input.slides]) : [];
  // Every subset the rules need, made first (the subsetter is async), then written into the rules in one pass.
  const embedded = new Map<string, string>();
  for (const [rule] of input.css.matchAll(FONT_FACE)) {
    for (const url of findFontUrls(rule)) {
      const file = input.files.get(url);
      if (file === undefined) throw new Error(`the font ${url} named by the theme was not loaded`);
      for (const weight of instancesOf(rule, weights)) {
        const key = subsetName(url, weight);
        if (!embedded.has(key)) embedded.set(key, await subsetCached({ file, glyphs, weight, cache: input.cache }));
      }
    }
  }
  return input.css.replace(FONT_FACE, (rule) =>
    instancesOf(rule, weights)
      .map((weight) => {
        const face = weight === undefined ? rule : rule.replace(WEIGHT_RANGE, `font-weight: ${weight}`);
        return face.replace(FILE_URL, (match, _quote: string, url: string) => {
          const font = embedded.get(subsetName(url, weight));
          return font === undefined ? match : `url(data:font/woff2;base64,${font}) format("woff2")`;
        });
      })
      .join(''),
  );
}

/** The weights a static copy of the rule's font is made at; [undefined] keeps the rule's font as it is. */
function instancesOf(rule: string, weights: readonly number[]): (number | undefined)[] {
  const range = WEIGHT_RANGE.exec(rule);
  if (weights.length === 0 || range === null) return [undefined];
  const [low, high] = [Number(range[1]), Number(range[2])];
  return [...new Set(weights.map((weight) => Math.min(Math.max(weight, low), high)))];
}

function subsetName(url: string, weight: number | undefined): string {
  return weight === undefined ? url : `${url}@${weight}`;
}

/** Every numeric weight the styles and the slides' markup ask for, plus the browser's own, ascending. */
export function collectWeights(sources: readonly string[]): number[] {
  const weights = new Set(UA_WEIGHTS);
  const named: Readonly<Record<string, number>> = { normal: 400, bold: 700 };
  for (const source of sources) for (const [, weight = ''] of source.matchAll(WEIGHT_USE)) weights.add(named[weight] ?? Number(weight));
  return [...weights].sort((a, b) => a - b);
}

/** Every character a reader can see, once, in code point order: the slides' text, its capitals, and the CSS's generated content. */
export function collectGlyphs(slides: readonly string[], styles: readonly string[]): string {
  const characters = new Set<string>(ALWAYS);
  const seen = new Uint8Array(0x10000);
  for (const character of characters) seen[character.charCodeAt(0)] = 1;
  for (const html of slides) addTextCharacters(html, characters, seen);
  for (const css of styles)
    for (const [, content = ''] of css.matchAll(/content:\s*"([^"]*)"/g)) for (const character of content) characters.add(character);
  // CSS `text-transform: uppercase` shows "É" for an "é" in the markup (the title card's "POLITÉCNICA").
  for (const character of [...characters]) for (const upper of character.toUpperCase()) characters.add(upper);
  return [...characters]
    .filter((character) => character >= ' ')
    .sort((a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0))
    .join('');
}

// One pass over the markup, tags skipped and entities decoded: a 10,000-row deck has ten megabytes of it. A
// character already seen is skipped by a lookup in a bitmap, not a Set: most of the text repeats a few dozen.
function addTextCharacters(html: string, characters: Set<string>, seen: Uint8Array): void {
  let index = 0;
  while (index < html.length) {
    const tag = html.indexOf('<', index);
    const end = tag === -1 ? html.length : tag;
    const text = html.slice(index, end);
    for (const character of text.includes('&') ? decodeEntities(text) : text) {
      // Beyond the first 65,536 code points a character is two UTF-16 units: added whole, past the bitmap.
      if (character.length > 1) characters.add(character);
      else if (seen[character.charCodeAt(0)] === 0) {
        seen[character.charCodeAt(0)] = 1;
        characters.add(character);
      }
    }
    if (tag === -1) return;
    const close = html.indexOf('>', tag);
    index = close === -1 ? html.length : close + 1;
  }
}

// Handlebars and vega escape these; anything else in the slides is literal text.
function decodeEntities(html: string): string {
  const named: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    const code =
      name.startsWith('#x') || name.startsWith('#X')
        ? Number.parseInt(name.slice(2), 16)
        : name.startsWith('#')
          ? Number(name.slice(1))
          : undefined;
    if (code === undefined) return named[name] ?? entity;
    return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

/** weight: the static instance made from a variable font; undefined: the font as it is. */
export function fontKey(file: Uint8Array, glyphs: string, weight?: number): string {
  const fileHash = createHash('sha256').update(file).digest('hex');
  return createHash('sha256')
    .update(JSON.stringify([FONT_CACHE_VERSION, fileHash, glyphs, weight ?? null]))
    .digest('hex');
}

async function subsetCached(options: { file: Uint8Array; glyphs: string; weight: number | undefined; cache: FontCache }): Promise<string> {
  const key = fontKey(options.file, options.glyphs, options.weight);
  const cached = options.cache.get(key);
  if (cached !== undefined) {
    // Used again, so it moves to the newest end: the build cache keeps the newest entries when it prunes.
    options.cache.delete(key);
    options.cache.set(key, cached);
    return cached;
  }
  // The subsetter (harfbuzz compiled to WebAssembly) and the encoder (zlib's brotli) load only when no subset is cached.
  const [{ default: subsetFont }, { encodeWoff2 }] = await Promise.all([import('subset-font'), import('./woff2.js')]);
  const instance = options.weight === undefined ? {} : { variationAxes: { wght: options.weight } };
  const subset = encodeWoff2(await subsetFont(options.file, options.glyphs, { targetFormat: 'truetype', ...instance })).toString('base64');
  options.cache.set(key, subset);
  return subset;
}
