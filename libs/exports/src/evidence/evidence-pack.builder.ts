import JSZip from 'jszip';
import { ManifestEntry, PackFile, manifestEntries, sha256sums } from './manifest';

export interface PackHeader {
  controller: string;
  slug: string;
  from: string;
  to: string;
  timeZone: string;
  generatedAt: Date;
}

/**
 * Zips the files with `manifest.json` (every file's path, SHA-256 and size,
 * and the period) and `SHA256SUMS` (the same hashes plus the manifest's own,
 * in `sha256sum` format). File times are the generation time.
 */
export async function evidencePackZip(header: PackHeader, files: PackFile[]): Promise<{ zip: Buffer; manifest: ManifestEntry[] }> {
  const entries = manifestEntries(files);
  const manifest: PackFile = {
    path: 'manifest.json',
    body: Buffer.from(JSON.stringify({ ...header, generatedAt: header.generatedAt.toISOString(), files: entries }, null, 2), 'utf8'),
  };
  const sums: PackFile = { path: 'SHA256SUMS', body: Buffer.from(sha256sums([...entries, ...manifestEntries([manifest])]), 'utf8') };
  const zip = new JSZip();
  for (const f of [...files, manifest, sums]) zip.file(f.path, f.body, { date: header.generatedAt, binary: true });
  const buf = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
  return { zip: buf, manifest: entries };
}
