import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Temporary folders of one suite, named `<prefix><name>-XXXXXX`; `removeAll()` deletes every one it made. */
export class TempFolders {
  private readonly made: string[] = [];

  constructor(private readonly prefix: string) {}

  make(name: string): string {
    const dir = mkdtempSync(path.join(tmpdir(), `${this.prefix}${name}-`));
    this.made.push(dir);
    return dir;
  }

  removeAll(): void {
    for (const dir of this.made.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}
