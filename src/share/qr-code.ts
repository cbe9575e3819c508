import type { DeckWords } from '../i18n/words.js';
import { escapeHtml } from '../slides/render-sentence.js';

/** A QR code's modules: dark[row][column], without the quiet zone. */
export interface QrMatrix {
  readonly size: number;
  readonly dark: readonly (readonly boolean[])[];
}

/** The light margin scanners need around the code, in modules (the standard's minimum). */
export const QUIET_ZONE = 4;

/**
 * The QR code of an address, error correction M (a projector's glare or a smudge costs up to 15% of the modules).
 * The encoder (qrcode-generator) is loaded here, only for a deck that shows a code.
 */
export async function encodeQrCode(text: string): Promise<QrMatrix> {
  // The address is normalized to ASCII (punycode host, percent-encoded path): the library's byte mode takes it as it is.
  if (!/^[\x20-\x7e]*$/.test(text)) throw new Error(`a QR code's text must be ASCII, got ${JSON.stringify(text)}`);
  const { qrcode } = await import('./qr-libraries.js');
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  const size = code.getModuleCount();
  const dark = Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, column) => code.isDark(row, column)));
  return { size, dark };
}

/** One <path> of unit squares, a run of dark modules per row segment: a few kB however long the address. */
export function drawQrPath(matrix: QrMatrix): string {
  const parts: string[] = [];
  matrix.dark.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (row[x]) x += 1;
      parts.push(`M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x - start}v1h-${x - start}z`);
    }
  });
  return parts.join('');
}

export type QrPlacement = boolean | 'first' | 'last';

export interface QrFigureInput {
  readonly url: string;
  readonly matrix: QrMatrix;
  readonly words: DeckWords;
}

/**
 * The figure a slide shows: the code as SVG (dark on light whatever the theme, as every scanner reads it), and the
 * address in words under it for whoever types it. Generated here, every text escaped.
 */
export function renderQrFigure(input: QrFigureInput): string {
  const side = input.matrix.size + 2 * QUIET_ZONE;
  const label = escapeHtml(`${input.words.qr.label}: ${input.url}`);
  const shown = escapeHtml(input.url.replace(/^https?:\/\//, ''));
  return [
    '<figure class="dd-qr">',
    `<svg class="dd-qr-code" role="img" aria-label="${label}" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges">`,
    `<rect class="dd-qr-light" width="${side}" height="${side}"/><path class="dd-qr-dark" d="${drawQrPath(input.matrix)}"/></svg>`,
    `<figcaption><span class="dd-qr-scan">${escapeHtml(input.words.qr.scan)}</span> <span class="dd-qr-url">${shown}</span></figcaption>`,
    '</figure>',
  ].join('');
}

/** The slides (0-based) that show the code: the first and the last, or the one asked for. */
export function pickQrSlides(count: number, placement: QrPlacement): number[] {
  if (placement === false || count === 0) return [];
  if (placement === 'first') return [0];
  if (placement === 'last') return [count - 1];
  return [...new Set([0, count - 1])];
}

/**
 * Adds the figure to the chosen slides, whatever their layout (a user's own included): inside the <section>, which
 * gets the class has-qr so the theme can make room for it.
 */
export function addQrCodes(slides: readonly string[], figure: string, placement: QrPlacement): string[] {
  const chosen = new Set(pickQrSlides(slides.length, placement));
  return slides.map((html, index) => (chosen.has(index) ? addQrCode(html, figure) : html));
}

function addQrCode(html: string, figure: string): string {
  const end = html.lastIndexOf('</section>');
  const open = /<section\b[^>]*>/.exec(html);
  if (end === -1 || open === null) return html;
  const tag = open[0];
  const marked = /\sclass="/.test(tag) ? tag.replace(/\sclass="/, ' class="has-qr ') : tag.replace(/^<section/, '<section class="has-qr"');
  const before = html.slice(0, open.index) + marked + html.slice(open.index + tag.length, end);
  return `${before}${figure}\n${html.slice(end)}`;
}
