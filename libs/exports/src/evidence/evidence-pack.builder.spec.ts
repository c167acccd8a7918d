import JSZip from 'jszip';
import { sha256 } from '../export-file';
import { evidencePackChunks, evidencePackZip } from './evidence-pack.builder';
import { PackFile } from './manifest';

describe('evidence pack zip', () => {
  it('lists every file with its SHA-256 and size in manifest.json and SHA256SUMS', async () => {
    const files = [{ path: 'a/b.json', body: Buffer.from('{"x":1}\n') }, { path: 'c.csv', body: Buffer.from('ā,ē\r\n') }];
    const { zip } = await evidencePackZip({ controller: 'X', slug: 'x', from: '2026-01-01', to: '2026-01-31', timeZone: 'Europe/Riga', generatedAt: new Date('2026-02-01T00:00:00Z') }, files);
    const z = await JSZip.loadAsync(zip);
    const manifest = JSON.parse(await z.file('manifest.json')!.async('string'));
    expect(manifest.files).toEqual(files.map((f) => ({ path: f.path, sha256: sha256(f.body), size: f.body.length })));
    for (const e of manifest.files) expect(sha256(await z.file(e.path)!.async('nodebuffer'))).toBe(e.sha256);
    const sums = await z.file('SHA256SUMS')!.async('string');
    expect(sums).toBe(
      [...files.map((f) => `${sha256(f.body)}  ${f.path}\n`), `${sha256(await z.file('manifest.json')!.async('nodebuffer'))}  manifest.json\n`].join(''),
    );
  });

  it('asks for the next file only when the zip has been read up to it', async () => {
    const asked: string[] = [];
    async function* files(): AsyncGenerator<PackFile> {
      for (const path of ['one.txt', 'two.txt', 'three.txt']) {
        asked.push(path);
        yield { path, body: Buffer.from(path.repeat(1000)) };
      }
    }
    const header = { controller: 'X', slug: 'x', from: '2026-01-01', to: '2026-01-31', timeZone: 'Europe/Riga', generatedAt: new Date('2026-02-01T00:00:00Z') };
    const manifest: { path: string }[] = [];
    const chunks = evidencePackChunks(header, files(), manifest as never);
    await chunks.next();
    expect(asked).toEqual(['one.txt']);
    const rest: Buffer[] = [];
    for await (const c of chunks) rest.push(c);
    expect(asked).toEqual(['one.txt', 'two.txt', 'three.txt']);
    expect(manifest.map((m) => m.path)).toEqual(asked);
  });
});
