import type PptxGenJS from 'pptxgenjs';
import type { PptxTheme } from './pptx-theme.js';

/** The QR code as the PowerPoint slides show it: a PNG (never a bare SVG) and the address under it. */
export interface QrPicture {
  readonly png: Uint8Array;
  /** The line over the address, in the deck's language. */
  readonly scan: string;
  /** The address as the caption shows it (without https://). */
  readonly shown: string;
  /** The picture's description for screen readers. */
  readonly altText: string;
  /** The slides (0-based) that show it: the first and last, or the one meta.qr names. */
  readonly slides: ReadonlySet<number>;
}

// Where the HTML deck has it: 280 px of a 1280 px slide (2.9 in of 13.333), 64 px from the right edge, centred.
const SIDE = 2.9;
const X = 13.333 - 0.67 - SIDE;
const Y = (7.5 - SIDE) / 2 - 0.3;
/** What a slide with the code keeps free at its right for it, as the theme's 400 px of the HTML deck. */
export const QR_COLUMN = 13.333 - X + 0.35 - 0.6;

/** A picture anyone can move: where it covers text on a slide of the .pptx, the presenter drags it aside. */
export function drawQrPicture(slide: PptxGenJS.default.Slide, qr: QrPicture, context: { theme: PptxTheme; lang: string }): void {
  slide.addImage({ data: `image/png;base64,${Buffer.from(qr.png).toString('base64')}`, x: X, y: Y, w: SIDE, h: SIDE, altText: qr.altText });
  slide.addText(
    [
      { text: qr.scan, options: { lang: context.lang, breakLine: true } },
      { text: qr.shown, options: { lang: context.lang, bold: true, color: context.theme.text } },
    ],
    {
      x: X - 0.2,
      y: Y + SIDE + 0.1,
      w: SIDE + 0.4,
      h: 0.8,
      fontFace: context.theme.font,
      fontSize: 14,
      color: context.theme.muted,
      align: 'center',
      valign: 'top',
      fit: 'shrink',
      margin: 0,
    },
  );
}
