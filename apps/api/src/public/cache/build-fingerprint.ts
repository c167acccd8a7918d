import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

function addTree(hash: ReturnType<typeof createHash>, dir: string): void {
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) addTree(hash, file);
    else hash.update(name).update(readFileSync(file));
  }
}

/**
 * What the code of this build makes of a page: a hash of the public pages'
 * code, templates and texts (apps/api/src/public and web) and of the settings
 * they print. It is part of every cache key and ETag, so nodes of one build
 * agree on ETags and a deploy that changes a page never answers 304 for the
 * old one.
 */
export function buildFingerprint(settings: string[]): string {
  const hash = createHash('sha256');
  for (const dir of [path.join(__dirname, '..'), path.join(__dirname, '..', '..', 'web')]) addTree(hash, dir);
  for (const s of settings) hash.update(`\n${s}`);
  return hash.digest('base64url').slice(0, 16);
}
