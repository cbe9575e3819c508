import { inflateSync } from 'node:zlib';

/** A decoded screenshot: RGBA, 8 bits a channel, row after row. */
export interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array;
}

/** Chromium's screenshots: 8-bit RGB or RGBA PNG, not interlaced. Anything else is refused, not misread. */
export function decodePng(png: Uint8Array): Pixels {
  const view = Buffer.from(png);
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (offset < view.length) {
    const length = view.readUInt32BE(offset);
    const type = view.toString('latin1', offset + 4, offset + 8);
    const body = view.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      if (depth !== 8 || (colour !== 2 && colour !== 6) || interlace !== 0)
        throw new Error(`unsupported PNG: depth ${depth}, colour ${colour}`);
      channels = colour === 6 ? 4 : 3;
    } else if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x += 1) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= channels ? (rows[y * stride + x - channels] ?? 0) : 0;
      const up = y > 0 ? (rows[(y - 1) * stride + x] ?? 0) : 0;
      const corner = x >= channels && y > 0 ? (rows[(y - 1) * stride + x - channels] ?? 0) : 0;
      rows[y * stride + x] = (value + predict(filter, left, up, corner)) & 0xff;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let pixel = 0; pixel < width * height; pixel += 1) {
    for (let channel = 0; channel < 4; channel += 1) {
      rgba[pixel * 4 + channel] = channel < channels ? (rows[pixel * channels + channel] ?? 0) : 255;
    }
  }
  return { width, height, rgba };
}

function predict(filter: number | undefined, left: number, up: number, corner: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return (left + up) >> 1;
    case 4: {
      const estimate = left + up - corner;
      const [a, b, c] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - corner)];
      return a <= b && a <= c ? left : b <= c ? up : corner;
    }
    default:
      throw new Error(`unknown PNG filter ${filter}`);
  }
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The share of pixels inside `box` that differ by more than `tolerance` in any channel, between two screenshots. */
export function differingShare(a: Pixels, b: Pixels, box: Box, tolerance = 16): number {
  const [left, top] = [Math.max(0, Math.floor(box.x)), Math.max(0, Math.floor(box.y))];
  const right = Math.min(a.width, b.width, Math.ceil(box.x + box.width));
  const bottom = Math.min(a.height, b.height, Math.ceil(box.y + box.height));
  let differing = 0;
  for (let y = top; y < bottom; y += 1) {
    for (let x = left; x < right; x += 1) {
      for (let channel = 0; channel < 3; channel += 1) {
        const [i, j] = [(y * a.width + x) * 4 + channel, (y * b.width + x) * 4 + channel];
        if (Math.abs((a.rgba[i] ?? 0) - (b.rgba[j] ?? 0)) > tolerance) {
          differing += 1;
          break;
        }
      }
    }
  }
  return differing / Math.max(1, (right - left) * (bottom - top));
}
