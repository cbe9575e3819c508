import { deflateSync } from 'node:zlib';
import { QUIET_ZONE, type QrMatrix } from './qr-code.js';

/**
 * A QR code as a black-and-white PNG, for the PowerPoint export (pptxgenjs' SVG pictures show as a red cross in
 * LibreOffice and Google Slides). Written here, a few lines, rather than through a browser: the same bytes every run,
 * and no Chromium needed for it.
 */
export function encodeQrPng(matrix: QrMatrix, pixelsPerModule = 10): Uint8Array {
  const side = (matrix.size + 2 * QUIET_ZONE) * pixelsPerModule;
  // Each row: filter byte 0 (none), then one grey byte per pixel.
  const raw = Buffer.alloc(side * (side + 1), 0xff);
  for (let y = 0; y < side; y += 1) {
    raw[y * (side + 1)] = 0;
    const row = matrix.dark[Math.floor(y / pixelsPerModule) - QUIET_ZONE];
    if (row === undefined) continue;
    for (let x = 0; x < side; x += 1) {
      if (row[Math.floor(x / pixelsPerModule) - QUIET_ZONE] === true) raw[y * (side + 1) + 1 + x] = 0;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed), 0);
  return Buffer.concat([length, typed, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
