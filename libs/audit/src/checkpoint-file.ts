import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import path from 'node:path';
import { AuditCheckpoint } from './audit-checkpoint';

const CHAIN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|platform)$/;

/**
 * One append-only JSON-lines file per chain (`<chain>.jsonl`) in the checkpoint
 * folder: the published heads, outside the database, so that deleting the
 * newest entries (or rewriting one) shows against the last line.
 */
export class CheckpointFile {
  constructor(private readonly dir: string) {}

  pathOf(chain: string): string {
    if (!CHAIN.test(chain)) throw new Error(`invalid audit chain name: ${chain}`);
    return path.join(this.dir, `${chain}.jsonl`);
  }

  append(c: AuditCheckpoint): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    // O_APPEND: concurrent writers (API and workers) each add whole lines.
    const fd = openSync(this.pathOf(c.chain), 'a', 0o600);
    try {
      writeSync(fd, `${JSON.stringify(c)}\n`);
    } finally {
      closeSync(fd);
    }
  }

  /** Every line, oldest first (the evidence pack's copy). */
  text(chain: string): string {
    const file = this.pathOf(chain);
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  }

  /** The last checkpoint, read from the end of the file (its cost does not grow with the file). */
  last(chain: string): AuditCheckpoint | null {
    const file = this.pathOf(chain);
    if (!existsSync(file)) return null;
    const fd = openSync(file, 'r');
    try {
      const size = fstatSync(fd).size;
      const len = Math.min(size, 8192);
      const buf = Buffer.alloc(len);
      readSync(fd, buf, 0, len, size - len);
      const lines = buf.toString('utf8').split('\n').filter((l) => l.trim());
      const last = lines.at(-1);
      if (!last) return null;
      try {
        return JSON.parse(last) as AuditCheckpoint;
      } catch {
        // A damaged last line is reported like a forged one (its signature cannot verify), never skipped.
        return { chain, kind: 'head', seq: 0, hash: '', at: '', keyId: '', mac: '' };
      }
    } finally {
      closeSync(fd);
    }
  }
}
