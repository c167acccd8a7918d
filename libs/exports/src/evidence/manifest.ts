import { sha256 } from '../export-file';

export interface PackFile {
  path: string;
  body: Buffer;
}

export interface ManifestEntry {
  path: string;
  sha256: string;
  size: number;
}

export function manifestEntries(files: PackFile[]): ManifestEntry[] {
  return files.map((f) => ({ path: f.path, sha256: sha256(f.body), size: f.body.length }));
}

/** The `sha256sum` text format: the hash, two spaces, the path; one line each (checkable with `sha256sum -c`). */
export function sha256sums(entries: ManifestEntry[]): string {
  return entries.map((e) => `${e.sha256}  ${e.path}\n`).join('');
}
