import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

// jsqr is CommonJS whose export is the function, with itself as .default: the types name only the latter.
const jsQR = jsQRModule.default;

/** The text of the QR code in a PNG, as a phone's camera app would read it; undefined when none is found. */
export function decodeQrPng(png: Uint8Array): string | undefined {
  const image = PNG.sync.read(Buffer.from(png));
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}
