import { sha256 } from '../export-file';
import { ManifestEntry, PackFile, sha256sums } from './manifest';
import { ZipWriter } from './zip-writer';

export interface PackHeader {
  controller: string;
  slug: string;
  from: string;
  to: string;
  timeZone: string;
  generatedAt: Date;
}

/**
 * The evidence pack as zip bytes, produced while the files are: each file is
 * hashed and zipped as it comes and then dropped; `manifest.json` (every
 * file's path, SHA-256 and size, and the period) and `SHA256SUMS` (the same
 * hashes plus the manifest's own, in `sha256sum` format) come last. File
 * times are the generation time. `manifest` receives the entries as they are written.
 */
export async function* evidencePackChunks(header: PackHeader, files: AsyncIterable<PackFile> | Iterable<PackFile>, manifest: ManifestEntry[] = []): AsyncGenerator<Buffer> {
  const zip = new ZipWriter(header.generatedAt);
  for await (const f of files) {
    manifest.push({ path: f.path, sha256: sha256(f.body), size: f.body.length });
    yield* await zip.entry(f.path, f.body);
  }
  const entries = [...manifest];
  const body = Buffer.from(JSON.stringify({ ...header, generatedAt: header.generatedAt.toISOString(), files: entries }, null, 2), 'utf8');
  yield* await zip.entry('manifest.json', body);
  const sums = sha256sums([...entries, { path: 'manifest.json', sha256: sha256(body), size: body.length }]);
  yield* await zip.entry('SHA256SUMS', Buffer.from(sums, 'utf8'));
  yield zip.finish();
}

/** The whole evidence pack zip in memory (small packs and tests; the API streams `evidencePackChunks`). */
export async function evidencePackZip(header: PackHeader, files: PackFile[]): Promise<{ zip: Buffer; manifest: ManifestEntry[] }> {
  const manifest: ManifestEntry[] = [];
  const chunks: Buffer[] = [];
  for await (const c of evidencePackChunks(header, files, manifest)) chunks.push(c);
  return { zip: Buffer.concat(chunks), manifest };
}
