import { launchBrowser } from '../browser/launch-browser.js';

export interface ChartPicture {
  readonly png: Uint8Array;
  /** The SVG's own size in CSS pixels: the picture keeps its proportions on the slide. */
  readonly width: number;
  readonly height: number;
}

export interface PictureInput {
  /** Chart id → the SVG the HTML deck shows. */
  readonly svgs: ReadonlyMap<string, string>;
  readonly executablePath: string;
  /** The theme's @font-face rules with the font embedded, so labels are drawn in the deck's font. */
  readonly fontCss: string;
}

// Twice the SVG's size: sharp on a projector at full screen, and the same pixels on every run.
const SCALE = 2;

/** Each SVG as a PNG, drawn by Chromium in one page: a picture any viewer shows (a bare SVG is a red cross in some). */
export async function renderChartPictures(input: PictureInput): Promise<Map<string, ChartPicture>> {
  const pictures = new Map<string, ChartPicture>();
  if (input.svgs.size === 0) return pictures;
  const browser = await launchBrowser(input.executablePath);
  try {
    for (const [id, svg] of input.svgs) {
      const { width, height } = readSvgSize(svg);
      const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: SCALE });
      try {
        const html = `<!doctype html><html><head><meta charset="utf-8"><style>${input.fontCss} html,body{margin:0;background:#fff} svg{display:block}</style></head><body>${svg}</body></html>`;
        await page.setContent(html, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const png = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width, height }, animations: 'disabled', caret: 'hide' });
        pictures.set(id, { png, width, height });
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
  return pictures;
}

/** The root <svg>'s width and height attributes, as vega writes them. */
export function readSvgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const read = (name: string) => Number(new RegExp(`\\s${name}="([0-9.]+)"`).exec(root)?.[1] ?? Number.NaN);
  const [width, height] = [read('width'), read('height')];
  return Number.isFinite(width) && Number.isFinite(height) && width > 0 && height > 0
    ? { width: Math.ceil(width), height: Math.ceil(height) }
    : { width: 1120, height: 500 };
}

/** Only the @font-face rules of the theme's CSS (with their embedded fonts): the rest styles slides, not a chart. */
export function pickFontFaces(css: string): string {
  return (css.match(/@font-face\s*\{[^}]*\}/g) ?? []).join('\n');
}
