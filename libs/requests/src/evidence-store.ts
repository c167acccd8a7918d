import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { APP_CONFIG, CommonConfig, uploadDir } from '@regula/platform';

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/[0-9a-f]{32}$/;

/**
 * Identity documents on disk under UPLOAD_DIR (never under a public path):
 * `<tenant id>/<32 random hex>`, no extension, never the client's file name;
 * folders 0700, files 0600. Served only through the admin API.
 */
@Injectable()
export class EvidenceStore {
  readonly root: string;

  constructor(@Inject(APP_CONFIG) cfg: CommonConfig) {
    this.root = path.resolve(uploadDir(cfg));
  }

  private fullPath(key: string): string {
    if (!KEY.test(key)) throw new Error('invalid evidence storage key');
    return path.join(this.root, key);
  }

  async put(tenantId: string, content: Buffer): Promise<string> {
    const key = `${tenantId.toLowerCase()}/${randomBytes(16).toString('hex')}`;
    const full = this.fullPath(key);
    await mkdir(path.dirname(full), { recursive: true, mode: 0o700 });
    await writeFile(full, content, { mode: 0o600, flag: 'wx' });
    return key;
  }

  read(key: string): Promise<Buffer> {
    return readFile(this.fullPath(key));
  }

  async remove(key: string): Promise<void> {
    await rm(this.fullPath(key), { force: true });
  }
}
