import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { findFontUrls } from '../page/fonts.js';

/**
 * Text widths in the deck's own font, so a chart's labels are laid out as the browser will draw them. Without a
 * canvas vega guesses 0.8 em a character, nearly twice Source Sans 3's real width: axes took room they did not
 * need and labels were cut short. HarfBuzz shapes each glyph once per weight; a label's width is the sum.
 */
export interface TextMeasure {
  /** Width in px of one line of text at this size and weight. */
  width(text: string, size: number, weight: number): number;
}

/** A font's advances, read by HarfBuzz: the font file the theme embeds, WOFF2 or TrueType. */
export async function loadTextMeasure(font: Uint8Array): Promise<TextMeasure> {
  const [hb, { default: fontverter }] = await Promise.all([loadHarfBuzz(), import('fontverter')]);
  const sfnt = await fontverter.convert(Buffer.from(font), 'truetype');
  const data = hb.malloc(sfnt.byteLength);
  hb.bytes().set(sfnt, data);
  // HB_MEMORY_MODE_READONLY: HarfBuzz reads the font where it lies; it lives as long as the process.
  const face = hb.hb_face_create(hb.hb_blob_create(data, sfnt.byteLength, 1, 0, 0), 0);
  const upem = hb.hb_face_get_upem(face);
  const hbFont = hb.hb_font_create(face);
  const scratch = hb.malloc(8);
  // Advances in em, by weight then code point; a variable font is set to each weight once.
  const advances = new Map<number, Map<number, number>>();
  let weightSet = -1;
  const advanceOf = (weight: number, codePoint: number): number => {
    let byCode = advances.get(weight);
    if (byCode === undefined) {
      byCode = new Map();
      advances.set(weight, byCode);
    }
    let advance = byCode.get(codePoint);
    if (advance === undefined) {
      if (weightSet !== weight) {
        // One hb_variation_t: the axis tag 'wght' and its value.
        const view = new DataView(hb.memory.buffer);
        view.setUint32(scratch, WGHT, true);
        view.setFloat32(scratch + 4, weight, true);
        hb.hb_font_set_variations(hbFont, scratch, 1);
        weightSet = weight;
      }
      const hasGlyph = hb.hb_font_get_nominal_glyph(hbFont, codePoint, scratch) !== 0;
      const glyph = new DataView(hb.memory.buffer).getUint32(scratch, true);
      // A character the font lacks is drawn by a fallback font: an average width keeps the guess close.
      advance = hasGlyph && glyph !== 0 ? hb.hb_font_get_glyph_h_advance(hbFont, glyph) / upem : FALLBACK_ADVANCE;
      byCode.set(codePoint, advance);
    }
    return advance;
  };
  const widths = new Map<string, number>();
  return {
    width(text, size, weight) {
      const key = `${weight}|${text}`;
      let em = widths.get(key);
      if (em === undefined) {
        em = 0;
        for (const char of text) em += advanceOf(weight, char.codePointAt(0) ?? 0);
        widths.set(key, em);
      }
      return em * size;
    },
  };
}

const WGHT = (0x77 << 24) | (0x67 << 16) | (0x68 << 8) | 0x74;

/** The HarfBuzz calls the measure makes, on the raw WebAssembly build harfbuzzjs ships. */
interface HarfBuzz {
  readonly memory: WebAssembly.Memory;
  bytes(): Uint8Array;
  malloc(size: number): number;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_get_upem(face: number): number;
  hb_font_create(face: number): number;
  hb_font_set_variations(font: number, variations: number, length: number): void;
  hb_font_get_nominal_glyph(font: number, codePoint: number, glyph: number): number;
  hb_font_get_glyph_h_advance(font: number, glyph: number): number;
}

let harfBuzz: Promise<HarfBuzz> | undefined;

/**
 * harfbuzzjs's own wrapper is an ES module with a top-level await, which the bundled CLI cannot load; its
 * WebAssembly build needs only these five imports, as subset-font instantiates its sibling.
 */
function loadHarfBuzz(): Promise<HarfBuzz> {
  harfBuzz ??= (async () => {
    const file = createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz.wasm');
    let memory: WebAssembly.Memory | undefined;
    const fail = () => {
      throw new Error('HarfBuzz stopped while measuring text');
    };
    const imports = {
      env: {
        _abort_js: fail,
        _emscripten_runtime_keepalive_clear: () => undefined,
        _setitimer_js: () => 0,
        emscripten_resize_heap: (size: number) => {
          if (memory === undefined) return 0;
          const pages = Math.ceil((size - memory.buffer.byteLength) / 65536);
          memory.grow(pages);
          return 1;
        },
      },
      wasi_snapshot_preview1: { proc_exit: fail },
    };
    const { instance } = await WebAssembly.instantiate(await readFile(file), imports);
    const exports = instance.exports as unknown as Omit<HarfBuzz, 'bytes'> & { __wasm_call_ctors: () => void };
    memory = exports.memory;
    exports.__wasm_call_ctors();
    return { ...exports, bytes: () => new Uint8Array(exports.memory.buffer) };
  })();
  return harfBuzz;
}

const FALLBACK_ADVANCE = 0.55;

/**
 * The file of the theme's @font-face rule for the first family a chart's font list names, or undefined when the
 * theme embeds none (then vega's estimate stands).
 */
export function pickChartFont(css: string, files: ReadonlyMap<string, Uint8Array>, fontList: unknown): Uint8Array | undefined {
  const family = typeof fontList === 'string' ? (fontList.split(',')[0] ?? '').trim().replace(/^["']|["']$/g, '') : '';
  for (const [rule] of css.matchAll(/@font-face\s*{[^}]*}/g)) {
    const declared = /font-family\s*:\s*(["']?)([^"';]+)\1/.exec(rule)?.[2]?.trim();
    if (declared === undefined || declared.toLowerCase() !== family.toLowerCase() || /font-style\s*:\s*italic/.test(rule)) continue;
    const [url] = findFontUrls(rule);
    const file = url === undefined ? undefined : files.get(url);
    if (file !== undefined) return file;
  }
  return undefined;
}

/**
 * Makes vega measure text with `measure` (its documented hook: vega-scenegraph's textMetrics.width, which vega's
 * typings leave out). Wrapping and shortening are done before: the text vega gets is the text it draws.
 */
export function installTextMeasure(vega: object, measure: TextMeasure): void {
  const metrics = (vega as { textMetrics?: { width: (item: { fontSize?: unknown; fontWeight?: unknown }, text: unknown) => number } })
    .textMetrics;
  if (metrics === undefined) return;
  metrics.width = (item, text) =>
    measure.width(String(text ?? '').trim(), typeof item.fontSize === 'number' ? item.fontSize : 11, toWeight(item.fontWeight));
}

/** vega's weight values ("bold", 600, undefined) as a number. */
export function toWeight(value: unknown): number {
  if (typeof value === 'number') return value;
  if (value === 'bold' || value === 'bolder') return 700;
  const number = Number(value);
  return Number.isFinite(number) && number > 0 ? number : 400;
}

/**
 * Lines of at most `width` px, broken between words, at most `maxLines`; what does not fit ends in "…". A single
 * word wider than the line is shortened too: a label never runs into its neighbour.
 */
export function wrapText(
  text: string,
  options: { width: number; maxLines: number; size: number; weight: number; measure: TextMeasure },
): string[] {
  const fits = (line: string) => options.measure.width(line, options.size, options.weight) <= options.width;
  const fitted = (line: string) => (fits(line) ? line : shorten(line, fits));
  const lines: string[] = [];
  let rest = text.split(/\s+/).filter((word) => word !== '');
  while (rest.length > 0 && lines.length < options.maxLines - 1) {
    let count = 1;
    while (count < rest.length && fits(rest.slice(0, count + 1).join(' '))) count += 1;
    lines.push(fitted(rest.slice(0, count).join(' ')));
    rest = rest.slice(count);
  }
  // The last line takes what is left, shortened when it is too long.
  if (rest.length > 0) lines.push(fitted(rest.join(' ')));
  return lines;
}

function shorten(text: string, fits: (line: string) => boolean): string {
  const chars = [...text];
  for (let end = chars.length - 1; end > 0; end -= 1) {
    const candidate = `${chars.slice(0, end).join('').trimEnd()}…`;
    if (fits(candidate)) return candidate;
  }
  return '…';
}
