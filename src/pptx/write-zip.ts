import { deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  readonly name: string;
  readonly data: Uint8Array;
}

/**
 * A zip of the entries in order, deflated by Node's zlib, every entry dated `date`: the same entries give the same
 * bytes. JSZip's JavaScript deflate took 0.2–1 s for a deck's 77 small parts; zlib takes a few milliseconds.
 */
export function writeZip(entries: readonly ZipEntry[], date: Date): Buffer {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const packed = deflateRawSync(entry.data, { level: 6 });
    const crc = crc32(entry.data);
    // Signature, version 2.0, UTF-8 names, deflate, time, date, CRC, sizes, name length, no extra field.
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeCommon(local, 4, { time, day, crc, packed: packed.length, size: entry.data.length, nameLength: name.length });
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: version 2.0, MS-DOS attributes
    writeCommon(central, 6, { time, day, crc, packed: packed.length, size: entry.data.length, nameLength: name.length });
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The fields a local header and a central directory record share, from "version needed" to "extra length". */
function writeCommon(
  buffer: Buffer,
  at: number,
  fields: { time: number; day: number; crc: number; packed: number; size: number; nameLength: number },
): void {
  buffer.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
  buffer.writeUInt16LE(0x0800, at + 2); // names are UTF-8
  buffer.writeUInt16LE(8, at + 4); // deflate
  buffer.writeUInt16LE(fields.time, at + 6);
  buffer.writeUInt16LE(fields.day, at + 8);
  buffer.writeUInt32LE(fields.crc, at + 10);
  buffer.writeUInt32LE(fields.packed, at + 14);
  buffer.writeUInt32LE(fields.size, at + 18);
  buffer.writeUInt16LE(fields.nameLength, at + 22);
}

// zlib.crc32 arrived in Node 22; Node 20 needs its own table.
const CRC_TABLE = Array.from({ length: 256 }, (_, index) => {
  let crc = index;
  for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  return crc >>> 0;
});

export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
