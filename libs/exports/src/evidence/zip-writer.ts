import { promisify } from 'node:util';
import { crc32, deflateRaw } from 'node:zlib';

const deflate = promisify(deflateRaw);

/** Limits of the classic zip format (no ZIP64): more entries or bytes are refused rather than written wrong. */
const MAX_ENTRIES = 0xffff;
const MAX_BYTES = 0xffffffff;
const UTF8_NAMES = 0x0800;
const VERSION = 20;
const MADE_BY_UNIX = (3 << 8) | VERSION;
const REGULAR_FILE_0644 = (0o100644 << 16) >>> 0;

/** MS-DOS date and time of `d` (UTC, two-second resolution), as zip headers hold them. */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, Math.min(2107, d.getUTCFullYear()));
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/**
 * Writes a zip archive one entry at a time: each call returns the bytes of
 * one entry (local header and data, deflated unless that does not make it
 * smaller), `finish()` the central directory. Nothing but the central
 * directory records (about 100 bytes an entry) is kept between calls, so an
 * archive of any number of files streams in the memory of its largest file.
 * Sizes and CRC are known before the header is written (each entry's body is
 * whole), so no data descriptors are needed and any unzip tool reads it.
 */
export class ZipWriter {
  private offset = 0;
  private readonly central: Buffer[] = [];
  private readonly stamp: { time: number; date: number };
  private finished = false;

  constructor(modified: Date, private readonly level = 6) {
    this.stamp = dosDateTime(modified);
  }

  get entries(): number {
    return this.central.length;
  }

  async entry(path: string, body: Buffer): Promise<Buffer[]> {
    if (this.finished) throw new Error('zip: entry after finish');
    if (this.central.length >= MAX_ENTRIES) throw new Error(`zip: more than ${MAX_ENTRIES} entries`);
    const name = Buffer.from(path, 'utf8');
    const crc = crc32(body);
    const packed = await deflate(body, { level: this.level });
    const [method, data] = packed.length < body.length ? [8, packed] : [0, body];
    if (body.length > MAX_BYTES || this.offset + 30 + name.length + data.length > MAX_BYTES) throw new Error('zip: archive larger than 4 GB');

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(this.stamp.time, 10);
    local.writeUInt16LE(this.stamp.date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(body.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);

    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(MADE_BY_UNIX, 4);
    dir.writeUInt16LE(VERSION, 6);
    dir.writeUInt16LE(UTF8_NAMES, 8);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt16LE(this.stamp.time, 12);
    dir.writeUInt16LE(this.stamp.date, 14);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(body.length, 24);
    dir.writeUInt16LE(name.length, 28);
    // extra field, comment, disk number, internal attributes: 0
    dir.writeUInt32LE(REGULAR_FILE_0644, 38);
    dir.writeUInt32LE(this.offset, 42);
    this.central.push(Buffer.concat([dir, name]));

    this.offset += local.length + name.length + data.length;
    return [local, name, data];
  }

  /** The central directory and its end record: the last bytes of the archive. */
  finish(): Buffer {
    if (this.finished) throw new Error('zip: finished twice');
    this.finished = true;
    const directory = Buffer.concat(this.central);
    if (this.offset + directory.length > MAX_BYTES) throw new Error('zip: archive larger than 4 GB');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.central.length, 8);
    end.writeUInt16LE(this.central.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(this.offset, 16);
    return Buffer.concat([directory, end]);
  }
}
