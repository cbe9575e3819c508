import type PptxGenJS from 'pptxgenjs';
import { drawSlide, type ChartShape } from './draw-slides.js';
import { packPptx } from './pack-pptx.js';
import type { PptxSlide } from './plan-slides.js';
import type { PptxTheme } from './pptx-theme.js';
import { drawQrPicture, QR_COLUMN, type QrPicture } from './qr-picture.js';

type PptxClass = typeof PptxGenJS.default;

export interface PresentationInput {
  readonly slides: readonly PptxSlide[];
  readonly charts: ReadonlyMap<PptxSlide, ChartShape>;
  readonly theme: PptxTheme;
  /** The title slide's metadata as plain text, for the file's properties. */
  readonly properties: { readonly title: string; readonly author: string; readonly subject: string; readonly company: string };
  /** The deck's locale ("es") and date (YYYY-MM-DD). */
  readonly locale: string;
  readonly date: string;
  /** The QR code of the deck's address, when meta.qr shows it. */
  readonly qr?: QrPicture | undefined;
}

// PowerPoint names a language with its region: the deck's words are checked against that dictionary.
const LANGUAGE_TAGS: Readonly<Record<string, string>> = { es: 'es-ES', en: 'en-US' };

/** The slides drawn with pptxgenjs into one .pptx file, the same bytes for the same deck. */
export async function renderPresentation(input: PresentationInput): Promise<Buffer> {
  const Pptx = await loadPptxGenJS();
  const pptx = new Pptx();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = input.properties.title;
  pptx.author = input.properties.author;
  pptx.subject = input.properties.subject;
  pptx.company = escapeXml(input.properties.company); // the one property pptxgenjs writes unescaped (docProps/app.xml)
  pptx.theme = { headFontFace: input.theme.font, bodyFontFace: input.theme.font };
  const lang = LANGUAGE_TAGS[input.locale] ?? input.locale;
  for (const [index, plan] of input.slides.entries()) {
    const slide = pptx.addSlide();
    slide.background = { color: input.theme.background };
    const hasQr = input.qr?.slides.has(index) === true;
    drawSlide(slide, plan, { theme: input.theme, lang, charts: input.charts, reservedRight: hasQr ? QR_COLUMN : undefined });
    if (hasQr && input.qr !== undefined) drawQrPicture(slide, input.qr, { theme: input.theme, lang });
  }
  // Stored, not deflated: packPptx compresses every entry once when it writes them again.
  const written = await withSeededRandom(() => pptx.write({ outputType: 'nodebuffer', compression: false }));
  if (!(written instanceof Uint8Array)) throw new Error('pptxgenjs did not return the file as bytes');
  return packPptx(written, { date: input.date, language: input.locale });
}

/**
 * pptxgenjs draws ids for chart series and fallback colours from Math.random: a seeded generator for the length of
 * one export makes them the same on every run. The CLI runs nothing else meanwhile.
 */
async function withSeededRandom<T>(run: () => Promise<T>): Promise<T> {
  const original = Math.random;
  let state = 0x2f6b_4d1d;
  // mulberry32: small, fast, and good enough for ids.
  Math.random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  try {
    return await run();
  } finally {
    Math.random = original;
  }
}

// Loaded when an export runs, so `datadeck build` never reads the 2 MB library. Its ES entry exports the class as
// default; the CommonJS one (what the bundled CLI requires) is the class itself.
async function loadPptxGenJS(): Promise<PptxClass> {
  const loaded: unknown = await import('pptxgenjs');
  const candidates = [readDefault(loaded), readDefault(readDefault(loaded)), loaded];
  const found = candidates.find(isPptxClass);
  if (found === undefined) throw new Error('pptxgenjs did not export its class');
  return found;
}

function readDefault(value: unknown): unknown {
  return typeof value === 'object' || typeof value === 'function'
    ? value !== null && 'default' in value
      ? value.default
      : undefined
    : undefined;
}

function isPptxClass(value: unknown): value is PptxClass {
  if (typeof value !== 'function') return false;
  const prototype: unknown = value.prototype;
  return typeof prototype === 'object' && prototype !== null && 'addSlide' in prototype;
}

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => XML_ESCAPES[character] ?? '');
}
