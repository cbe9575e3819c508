import { brotliCompressSync, constants } from 'node:zlib';

/**
 * A TrueType/OpenType font as WOFF2 (W3C WOFF File Format 2.0), every table stored as it is ("null transform")
 * and all of them compressed as one brotli stream by Node's own zlib. The reference encoder also rewrites the
 * glyf table before compressing, which saves ~7% more, but it ships as 1 MB of asm.js that takes ~0.5 s to start:
 * more than a subset saves over a cold build's whole run.
 */
export function encodeWoff2(sfnt: Uint8Array): Buffer {
  const font = Buffer.from(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  const tables = readTables(font);
  const directory = Buffer.concat(tables.map(encodeTableEntry));
  const data = brotliCompressSync(Buffer.concat(tables.map((table) => table.data)), {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 10,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_FONT,
      [constants.BROTLI_PARAM_SIZE_HINT]: font.length,
    },
  });
  const unpadded = HEADER_SIZE + directory.length + data.length;
  const length = unpadded + ((4 - (unpadded % 4)) % 4);
  const header = Buffer.alloc(HEADER_SIZE);
  header.write('wOF2', 0, 'latin1');
  header.writeUInt32BE(font.readUInt32BE(0), 4); // flavor: the sfnt version, TrueType or CFF
  header.writeUInt32BE(length, 8);
  header.writeUInt16BE(tables.length, 12);
  header.writeUInt32BE(sfntSize(tables), 16);
  header.writeUInt32BE(data.length, 20);
  // major/minor version, metadata and private blocks: all zero.
  return Buffer.concat([header, directory, data], length);
}

const HEADER_SIZE = 48;

interface Table {
  readonly tag: string;
  readonly data: Buffer;
}

// The sfnt table directory: tag, checksum, offset, length for each table, after a 12-byte header.
function readTables(font: Buffer): Table[] {
  const count = font.readUInt16BE(4);
  if (font.length < 12 + count * 16) throw new Error('not a TrueType/OpenType font: its table directory is cut short');
  return Array.from({ length: count }, (_, index) => {
    const entry = 12 + index * 16;
    const offset = font.readUInt32BE(entry + 8);
    const size = font.readUInt32BE(entry + 12);
    if (offset + size > font.length) throw new Error('not a TrueType/OpenType font: a table lies past its end');
    return { tag: font.toString('latin1', entry, entry + 4), data: font.subarray(offset, offset + size) };
  });
}

// The size of the sfnt a decoder rebuilds: header, directory and each table padded to 4 bytes.
function sfntSize(tables: readonly Table[]): number {
  return 12 + 16 * tables.length + tables.reduce((sum, table) => sum + Math.ceil(table.data.length / 4) * 4, 0);
}

function encodeTableEntry(table: Table): Buffer {
  const known = KNOWN_TAGS.indexOf(table.tag);
  // Bits 6–7 are the transform version: 0 is the null transform for every table but glyf and loca, where it is 3.
  const transform = table.tag === 'glyf' || table.tag === 'loca' ? 3 << 6 : 0;
  const flags = Buffer.from([(known === -1 ? 63 : known) | transform]);
  const tag = known === -1 ? Buffer.from(table.tag, 'latin1') : Buffer.alloc(0);
  return Buffer.concat([flags, tag, encodeBase128(table.data.length)]);
}

/** UIntBase128: seven bits a byte, most significant first, the high bit set on all but the last. */
export function encodeBase128(value: number): Buffer {
  const bytes = [value & 0x7f];
  for (let rest = Math.floor(value / 128); rest > 0; rest = Math.floor(rest / 128)) bytes.unshift((rest & 0x7f) | 0x80);
  return Buffer.from(bytes);
}

// WOFF2's table of known tags: a table whose tag is here is named by its index instead of four bytes.
const KNOWN_TAGS = [
  'cmap',
  'head',
  'hhea',
  'hmtx',
  'maxp',
  'name',
  'OS/2',
  'post',
  'cvt ',
  'fpgm',
  'glyf',
  'loca',
  'prep',
  'CFF ',
  'VORG',
  'EBDT',
  'EBLC',
  'gasp',
  'hdmx',
  'kern',
  'LTSH',
  'PCLT',
  'VDMX',
  'vhea',
  'vmtx',
  'BASE',
  'GDEF',
  'GPOS',
  'GSUB',
  'EBSC',
  'JSTF',
  'MATH',
  'CBDT',
  'CBLC',
  'COLR',
  'CPAL',
  'SVG ',
  'sbix',
  'acnt',
  'avar',
  'bdat',
  'bloc',
  'bsln',
  'cvar',
  'fdsc',
  'feat',
  'fmtx',
  'fvar',
  'gvar',
  'hsty',
  'just',
  'lcar',
  'mort',
  'morx',
  'opbd',
  'prop',
  'trak',
  'Zapf',
  'Silf',
  'Glat',
  'Gloc',
  'Feat',
  'Sill',
];
