import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ExportHashStream } from './export-hash.stream';
import { sha256 } from './export-file';

describe('the export hash stream', () => {
  it('passes the bytes through and announces their SHA-256 and size before it ends', async () => {
    const parts = [Buffer.from('PK'), Buffer.from('ā'.repeat(100_000)), Buffer.from('end')];
    const hasher = new ExportHashStream();
    const events: string[] = [];
    hasher.on('hashed', (hex: string, size: number) => events.push(`hashed ${hex} ${size}`));
    hasher.on('end', () => events.push('end'));
    const out: Buffer[] = [];
    await pipeline(Readable.from(parts), hasher, async (source: AsyncIterable<Buffer>) => {
      for await (const c of source) out.push(c);
    });
    const whole = Buffer.concat(parts);
    expect(Buffer.concat(out).equals(whole)).toBe(true);
    expect(events).toEqual([`hashed ${sha256(whole)} ${whole.length}`, 'end']);
    expect(hasher.sha256).toBe(sha256(whole));
    expect(hasher.size).toBe(whole.length);
  });
});
