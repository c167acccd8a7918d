import JSZip from 'jszip';
import { ZipWriter } from './zip-writer';

describe('the zip writer', () => {
  it('writes entries one at a time that unzip to the same bytes, names in UTF-8, time and mode kept', async () => {
    const at = new Date('2026-11-21T10:20:30Z');
    const zip = new ZipWriter(at);
    const files: [string, Buffer][] = [
      ['a/ļoti-garš.txt', Buffer.from('Reģistra apraksts '.repeat(200), 'utf8')],
      ['b/random.bin', Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 7919) % 251))],
      ['empty', Buffer.alloc(0)],
    ];
    const chunks: Buffer[] = [];
    for (const [path, body] of files) chunks.push(...(await zip.entry(path, body)));
    chunks.push(zip.finish());
    expect(zip.entries).toBe(3);
    const z = await JSZip.loadAsync(Buffer.concat(chunks));
    expect(Object.keys(z.files)).toEqual(files.map(([p]) => p));
    for (const [path, body] of files) {
      expect((await z.file(path)!.async('nodebuffer')).equals(body)).toBe(true);
      expect(z.file(path)!.date.toISOString()).toBe('2026-11-21T10:20:30.000Z');
      expect(z.file(path)!.unixPermissions).toBe(0o100644);
    }
    // the repeated text is deflated, the short random bytes are stored as they are
    expect(Buffer.concat(chunks).length).toBeLessThan(files.reduce((n, [p, b]) => n + b.length + p.length, 0));
    expect(() => zip.finish()).toThrow(/finished twice/);
    await expect(zip.entry('late', Buffer.from('x'))).rejects.toThrow(/after finish/);
  });
});
