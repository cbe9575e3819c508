import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { brotliDecompressSync } from 'node:zlib';
import subsetFont from 'subset-font';
import { describe, expect, it } from 'vitest';
import { encodeBase128, encodeWoff2 } from '../../../src/page/woff2.js';

const require = createRequire(import.meta.url);
const SOURCE = readFileSync(require.resolve('@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2'));

/** The tables of an sfnt, by tag. */
function readSfntTables(font: Buffer): Map<string, Buffer> {
  const tables = new Map<string, Buffer>();
  for (let index = 0; index < font.readUInt16BE(4); index += 1) {
    const entry = 12 + index * 16;
    const offset = font.readUInt32BE(entry + 8);
    tables.set(font.toString('latin1', entry, entry + 4), font.subarray(offset, offset + font.readUInt32BE(entry + 12)));
  }
  return tables;
}

describe('encodeWoff2', () => {
  it('writes UIntBase128 as the WOFF2 specification does', () => {
    expect([...encodeBase128(0)]).toEqual([0]);
    expect([...encodeBase128(127)]).toEqual([127]);
    expect([...encodeBase128(128)]).toEqual([0x81, 0x00]);
    expect([...encodeBase128(63_456)]).toEqual([0x83, 0xef, 0x60]);
  });

  it('stores every table of the font, untransformed, in one brotli stream after a valid header', async () => {
    const ttf = await subsetFont(SOURCE, 'Costos relacionados 0123456789', { targetFormat: 'truetype' });
    const woff2 = encodeWoff2(ttf);
    expect(woff2.toString('latin1', 0, 4)).toBe('wOF2');
    expect(woff2.readUInt32BE(4)).toBe(ttf.readUInt32BE(0));
    expect(woff2.readUInt32BE(8)).toBe(woff2.length);
    expect(woff2.length % 4).toBe(0);
    const tables = readSfntTables(ttf);
    expect(woff2.readUInt16BE(12)).toBe(tables.size);
    // The stream is the file's last totalCompressedSize bytes before 0–3 bytes of padding to a multiple of 4.
    const compressed = woff2.readUInt32BE(20);
    const tableData = Buffer.concat([...tables.values()]);
    const decodes = [0, 1, 2, 3].some((pad) => {
      const end = woff2.length - pad;
      try {
        return brotliDecompressSync(woff2.subarray(end - compressed, end)).equals(tableData);
      } catch {
        return false; // not where the stream ends: another padding is tried
      }
    });
    expect(decodes).toBe(true);
    expect(woff2.length).toBeLessThan(ttf.length * 0.7);
  });
});
